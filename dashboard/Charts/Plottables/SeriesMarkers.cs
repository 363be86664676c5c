using ScottPlot;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Figure;

namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>A series' point markers in its shape: filled, or hollow (white inside) where the bin is thin.</summary>
internal sealed class SeriesMarkers(IReadOnlyList<SeriesPoint> points, SeriesStyle style, float radius, float strokeWidth) : FigurePlottable
{
    protected override void Draw(SKCanvas canvas)
    {
        foreach (var p in points)
        {
            var pixel = Axes.GetPixel(new Coordinates(p.X, p.Y));
            Markers.Draw(canvas, style.Marker, pixel.X, pixel.Y, radius, style.Colour, p.Thin, strokeWidth);
        }
    }
}
