using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;

namespace StanceBoard.Dashboard.Charts.Figure;

/// <summary>Point markers for legend keys, drawn the way ScottPlot draws the series' markers; hollow ones have a white fill.</summary>
internal static class Markers
{
    public static void Draw(SKCanvas canvas, MarkerShape shape, float x, float y, float radius, Rgb colour, bool hollow, float strokeWidth)
    {
        using var path = new SKPath();
        switch (shape)
        {
            case MarkerShape.Circle:
                path.AddCircle(x, y, radius);
                break;
            case MarkerShape.Square:
                var r = radius * 0.9f;
                path.AddRect(new SKRect(x - r, y - r, x + r, y + r));
                break;
            case MarkerShape.Triangle:
                var t = radius * 1.2f;
                path.MoveTo(x, y - t);
                path.LineTo(x + (t * 0.87f), y + (t * 0.5f));
                path.LineTo(x - (t * 0.87f), y + (t * 0.5f));
                path.Close();
                break;
            default:
                var d = radius * 1.25f;
                path.MoveTo(x, y - d);
                path.LineTo(x + d, y);
                path.LineTo(x, y + d);
                path.LineTo(x - d, y);
                path.Close();
                break;
        }

        using var fill = new SKPaint { Color = hollow ? SKColors.White : ChartTheme.Sk(colour), IsAntialias = true };
        using var stroke = new SKPaint { Color = ChartTheme.Sk(colour), IsStroke = true, StrokeWidth = strokeWidth, IsAntialias = true };
        canvas.DrawPath(path, fill);
        canvas.DrawPath(path, stroke);
    }
}
