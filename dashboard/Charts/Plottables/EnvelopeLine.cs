using ScottPlot;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;

namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>
/// A dense series' line (or, with <paramref name="band"/>, its interval band), downsampled per pixel
/// column (<see cref="ColumnEnvelope"/>): one filled
/// shape along the columns' highest values and back along their lowest, at least
/// <paramref name="minThickness"/> thick. It looks like the full line but costs two vertices per
/// column, and needs no antialiasing (column-aligned), which keeps rasterising cheap.
/// </summary>
internal sealed class EnvelopeLine(ColumnEnvelope.Run run, Rgb colour, float minThickness, double alpha = 1, bool band = false) : FigurePlottable
{
    protected override void Draw(SKCanvas canvas)
    {
        if (run.BandX.Count == 0)
        {
            return;
        }

        var tops = new SKPoint[run.BandX.Count];
        var bottoms = new SKPoint[run.BandX.Count];
        var line = 0;
        for (var i = 0; i < run.BandX.Count; i++)
        {
            // Line vertices come one or two per column, in column order.
            var x = run.BandX[i];
            double lo, hi;
            if (band)
            {
                (lo, hi) = (run.BandLow[i], run.BandHigh[i]);
            }
            else
            {
                lo = hi = run.LineY[line];
                line++;
                if (line < run.LineX.Count && run.LineX[line] == x)
                {
                    lo = Math.Min(lo, run.LineY[line]);
                    hi = Math.Max(hi, run.LineY[line]);
                    line++;
                }
            }

            var px = Axes.GetPixelX(x);
            var top = Axes.GetPixelY(hi);
            var bottom = Axes.GetPixelY(lo);
            if (bottom - top < minThickness)
            {
                var middle = (top + bottom) / 2;
                top = middle - (minThickness / 2);
                bottom = middle + (minThickness / 2);
            }

            // A tenth of a layout unit is finer than any output pixel up to 960 dpi, and keeps the SVG short.
            tops[i] = new SKPoint(Round(px), Round(top));
            bottoms[i] = new SKPoint(Round(px), Round(bottom));
        }

        using var path = new SKPath();
        path.MoveTo(tops[0]);
        for (var i = 1; i < tops.Length; i++)
        {
            path.LineTo(tops[i]);
        }

        for (var i = bottoms.Length - 1; i >= 0; i--)
        {
            path.LineTo(bottoms[i]);
        }

        path.Close();
        using var paint = new SKPaint { Color = ChartTheme.Sk(colour, alpha), IsAntialias = false, Style = SKPaintStyle.Fill };
        canvas.DrawPath(path, paint);
    }

    private static float Round(float value) => MathF.Round(value * 10) / 10;
}
