using System.Globalization;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>The counts inside ScottPlot's stacked bars (where they fit) and the total after each bar. Row <c>r</c> is at y = rows − 1 − r.</summary>
internal sealed class StackedBarLabels(IReadOnlyList<StackedBar> bars, int rows, float thickness, ChartTheme theme) : FigurePlottable
{
    public static Rgb AgainstColour(bool greyscale) => StancePalette.Map(-0.72, greyscale);

    public static Rgb FavorColour(bool greyscale) => StancePalette.Map(0.72, greyscale);

    protected override void Draw(SKCanvas canvas)
    {
        var band = Math.Abs(Axes.GetPixelY(0) - Axes.GetPixelY(thickness));
        var size = Math.Min(theme.CellSize, band * 0.7f);
        using var font = ChartText.Font(size);
        foreach (var bar in bars)
        {
            var y = Axes.GetPixelY(rows - 1 - bar.Row);
            var start = 0;
            foreach (var (count, fill) in new[] { (bar.Against, AgainstColour(theme.Greyscale)), (bar.None, StancePalette.Neutral(theme.Greyscale)), (bar.Favor, FavorColour(theme.Greyscale)) })
            {
                var x0 = Axes.GetPixelX(start);
                var x1 = Axes.GetPixelX(start + count);
                start += count;
                var label = count.ToString("N0", CultureInfo.InvariantCulture);
                if (count > 0 && font.MeasureText(label) < x1 - x0 - (size * 0.5f))
                {
                    Text(canvas, "count", label, (x0 + x1) / 2, y, font, ChartTheme.Sk(fill.Luminance > 0.33 ? ChartTheme.Text : ChartTheme.Background), SKTextAlign.Center);
                }
            }

            var total = "n=" + bar.Total.ToString("N0", CultureInfo.InvariantCulture);
            Text(canvas, "count", total, Axes.GetPixelX(bar.Total) + (size * 0.4f), y, font, ChartTheme.Sk(ChartTheme.SecondaryText), SKTextAlign.Left);
        }
    }
}
