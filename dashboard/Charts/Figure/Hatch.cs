using SkiaSharp;

namespace StanceBoard.Dashboard.Charts.Figure;

/// <summary>
/// Diagonal hatching inside a rectangle, as plain line segments (no shader, no clip path), so it
/// survives SVG and PDF as vectors; ScottPlot's own hatches are image shaders, which the SVG canvas drops.
/// </summary>
internal static class Hatch
{
    public static void Draw(SKCanvas canvas, SKRect rect, SKColor colour, float spacing, float width)
    {
        if (rect.Width <= 0 || rect.Height <= 0 || spacing <= 0)
        {
            return;
        }

        using var path = new SKPath();
        for (var k = rect.Left + rect.Top + spacing; k < rect.Right + rect.Bottom; k += spacing)
        {
            // The line x + y = k (rising to the right on screen), cut to the rectangle.
            var x0 = Math.Max(rect.Left, k - rect.Bottom);
            var x1 = Math.Min(rect.Right, k - rect.Top);
            if (x1 > x0)
            {
                path.MoveTo(x0, k - x0);
                path.LineTo(x1, k - x1);
            }
        }

        using var paint = new SKPaint { Color = colour, StrokeWidth = width, IsStroke = true, IsAntialias = true };
        canvas.DrawPath(path, paint);
    }
}
