using System.Globalization;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>
/// Horizontal bars from 0 to each row's estimate, coloured by stance (hatched when thin), the
/// interval as a whisker with caps, and n at the panel's right edge (x from 1 to the axis maximum
/// is that gutter). Row <c>r</c> is at y = rows − 1 − r.
/// </summary>
internal sealed class PositionBars(IReadOnlyList<PositionBar> bars, int rows, ChartTheme theme) : FigurePlottable
{
    public SKRect BarRect(PositionBar bar, float thickness)
    {
        var y = rows - 1 - bar.Row;
        var centre = Axes.GetPixelY(y);
        var x0 = Axes.GetPixelX(Math.Min(0, Math.Min(bar.Estimate, bar.Lower)));
        var x1 = Axes.GetPixelX(Math.Max(0, Math.Max(bar.Estimate, bar.Upper)));
        return new SKRect(x0, centre - (thickness / 2), x1, centre + (thickness / 2));
    }

    public float Thickness => Math.Min(Math.Abs(Axes.GetPixelY(0) - Axes.GetPixelY(1)) * 0.62f, (float)theme.BaseSize * 1.5f);

    protected override void Draw(SKCanvas canvas)
    {
        var thickness = Thickness;
        var band = Math.Abs(Axes.GetPixelY(0) - Axes.GetPixelY(1));
        var zero = Axes.GetPixelX(0);
        var right = Axes.GetPixelX(Axes.XAxis.Max);
        var size = Math.Min(theme.TickSize * 0.9f, band * 0.7f);
        using var font = ChartText.Font(size);
        using var italic = ChartText.Font(size, italic: true);
        using var fill = new SKPaint { IsAntialias = true };
        using var edge = new SKPaint { IsAntialias = true, IsStroke = true, StrokeWidth = theme.HairLine, Color = ChartTheme.Sk(ChartTheme.Axis) };
        using var whisker = new SKPaint { IsAntialias = true, IsStroke = true, StrokeWidth = theme.HairLine * 1.8f, Color = ChartTheme.Sk(ChartTheme.Text) };
        foreach (var bar in bars)
        {
            var y = Axes.GetPixelY(rows - 1 - bar.Row);
            var end = Axes.GetPixelX(bar.Estimate);
            var rect = new SKRect(Math.Min(zero, end), y - (thickness / 2), Math.Max(zero, end), y + (thickness / 2));
            var colour = StancePalette.Map(bar.Estimate, theme.Greyscale);
            fill.Color = ChartTheme.Sk(colour);
            canvas.DrawRect(rect, fill);
            if (colour.Luminance > 0.8)
            {
                canvas.DrawRect(rect, edge);
            }

            if (bar.Thin)
            {
                Hatch.Draw(canvas, rect, ChartTheme.Sk(ChartTheme.HatchStroke, 0.6), Math.Max(3f, theme.CellSize * 0.45f), theme.HairLine * 1.1f);
            }

            var lower = Axes.GetPixelX(bar.Lower);
            var upper = Axes.GetPixelX(bar.Upper);
            var cap = thickness * 0.3f;
            canvas.DrawLine(lower, y, upper, y, whisker);
            canvas.DrawLine(lower, y - cap, lower, y + cap, whisker);
            canvas.DrawLine(upper, y - cap, upper, y + cap, whisker);
            if (band >= size * 1.1f)
            {
                var n = "n=" + bar.N.ToString("N0", CultureInfo.InvariantCulture);
                Text(canvas, "n", n, right - (size * 0.2f), y, bar.Thin ? italic : font, ChartTheme.Sk(ChartTheme.SecondaryText), SKTextAlign.Right);
            }
        }
    }
}
