using StanceBoard.Benchmarks.OldEngine.Color;
using StanceBoard.Benchmarks.OldEngine.Svg;

namespace StanceBoard.Benchmarks.OldEngine.Plottables;

/// <summary>Draws point markers; hollow markers (white fill) flag thin bins.</summary>
internal static class Markers
{
    public static void Draw(SvgWriter svg, MarkerShape shape, double x, double y, double radius, string colour, bool hollow, double strokeWidth)
    {
        var fill = hollow ? "#ffffff" : colour;
        switch (shape)
        {
            case MarkerShape.Circle:
                svg.Circle(x, y, radius, fill, colour, strokeWidth);
                return;
            case MarkerShape.Square:
                var r = radius * 0.9;
                svg.BeginPath();
                svg.MoveTo(x - r, y - r);
                svg.LineTo(x + r, y - r);
                svg.LineTo(x + r, y + r);
                svg.LineTo(x - r, y + r);
                break;
            case MarkerShape.Triangle:
                var t = radius * 1.2;
                svg.BeginPath();
                svg.MoveTo(x, y - t);
                svg.LineTo(x + (t * 0.87), y + (t * 0.5));
                svg.LineTo(x - (t * 0.87), y + (t * 0.5));
                break;
            default:
                var d = radius * 1.25;
                svg.BeginPath();
                svg.MoveTo(x, y - d);
                svg.LineTo(x + d, y);
                svg.LineTo(x, y + d);
                svg.LineTo(x - d, y);
                break;
        }

        svg.ClosePath();
        svg.EndPath(fill, colour, strokeWidth);
    }
}
