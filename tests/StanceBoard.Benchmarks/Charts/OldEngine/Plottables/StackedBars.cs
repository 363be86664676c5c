using System.Globalization;
using StanceBoard.Benchmarks.OldEngine.Color;
using StanceBoard.Benchmarks.OldEngine.Rendering;
using StanceBoard.Benchmarks.OldEngine.Svg;
using StanceBoard.Benchmarks.OldEngine.Text;

namespace StanceBoard.Benchmarks.OldEngine.Plottables;

/// <summary>
/// Horizontal bars of against | none | favor counts stacked from zero, each segment labelled
/// with its count when the label fits, and the total at the bar's end.
/// </summary>
internal sealed record StackedBars(IReadOnlyList<StackedBar> Bars) : IPlottable
{
    public static Rgb AgainstColour(bool greyscale) => StancePalette.Map(-0.72, greyscale);

    public static Rgb FavorColour(bool greyscale) => StancePalette.Map(0.72, greyscale);

    public void Render(RenderContext context, PanelLayout panel)
    {
        var theme = context.Theme;
        var svg = context.Svg;
        var thickness = Math.Min(panel.Y.Band * 0.55, theme.BaseSize * 4);
        var size = Math.Min(theme.CellSize, thickness * 0.7);
        foreach (var bar in Bars)
        {
            var y = panel.Y.Category(bar.Row);
            if (double.IsNaN(y))
            {
                continue;
            }

            var cumulative = 0;
            var x = panel.X.Map(0);
            foreach (var (count, fill) in new[]
            {
                (bar.Against, AgainstColour(context.Greyscale)),
                (bar.None, StancePalette.Neutral(context.Greyscale)),
                (bar.Favor, FavorColour(context.Greyscale)),
            })
            {
                cumulative += count;
                var end = panel.X.Map(cumulative);
                var rect = new Rect(x, y - (thickness / 2), end - x, thickness);
                if (count > 0)
                {
                    svg.Rect(rect, fill.Hex, theme.Background, theme.HairLine);
                    var label = count.ToString("N0", CultureInfo.InvariantCulture);
                    if (FontMetrics.Measure(label, size) < rect.Width - (size * 0.5))
                    {
                        svg.Text(rect.CenterX, y + (size * FontMetrics.MiddleToBaselineEm), label, new TextStyle(size, fill.ContrastingText, Anchor: TextAnchor.Middle));
                    }
                }

                x = end;
            }

            var total = "n=" + bar.Total.ToString("N0", CultureInfo.InvariantCulture);
            svg.Text(x + (size * 0.4), y + (size * FontMetrics.MiddleToBaselineEm), total, new TextStyle(size, theme.SecondaryText));
        }
    }
}
