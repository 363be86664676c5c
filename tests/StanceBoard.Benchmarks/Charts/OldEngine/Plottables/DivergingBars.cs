using System.Globalization;
using StanceBoard.Benchmarks.OldEngine.Color;
using StanceBoard.Benchmarks.OldEngine.Rendering;
using StanceBoard.Benchmarks.OldEngine.Svg;
using StanceBoard.Benchmarks.OldEngine.Text;

namespace StanceBoard.Benchmarks.OldEngine.Plottables;

/// <summary>
/// Horizontal bars from 0 to each row's estimate, coloured by stance, with the interval as a
/// whisker and n in the panel's right gutter. Thin rows are hatched.
/// </summary>
/// <param name="Bars">One bar per row.</param>
/// <param name="Authors">Row names by row index, written as <c>data-author</c> on each bar.</param>
/// <param name="Target">The panel's target, written as <c>data-target</c>.</param>
internal sealed record DivergingBars(IReadOnlyList<PositionBar> Bars, IReadOnlyList<string> Authors, string Target) : IPlottable
{
    public void Render(RenderContext context, PanelLayout panel)
    {
        var theme = context.Theme;
        var svg = context.Svg;
        var zero = panel.X.Map(0);
        var thickness = Math.Min(panel.Y.Band * 0.62, theme.BaseSize * 1.5);
        var nStyle = new TextStyle(theme.TickSize * 0.9, theme.SecondaryText, Anchor: TextAnchor.End);
        foreach (var bar in Bars)
        {
            var y = panel.Y.Category(bar.Row);
            if (double.IsNaN(y))
            {
                continue;
            }

            svg.BeginDataGroup("bar", ("author", Authors[bar.Row]), ("target", Target));
            var end = panel.X.Map(bar.Estimate);
            var rect = new Rect(Math.Min(zero, end), y - (thickness / 2), Math.Abs(end - zero), thickness);
            var fill = StancePalette.Map(bar.Estimate, context.Greyscale);
            svg.Rect(rect, fill.Hex, fill.Luminance > 0.8 ? theme.Axis : null, theme.HairLine);
            if (bar.Thin)
            {
                svg.Rect(rect, context.HatchFill(fill));
            }

            var lower = panel.X.Map(bar.Lower);
            var upper = panel.X.Map(bar.Upper);
            var cap = thickness * 0.3;
            var whisker = theme.HairLine * 1.8;
            svg.Line(lower, y, upper, y, theme.Text, whisker);
            svg.Line(lower, y - cap, lower, y + cap, theme.Text, whisker);
            svg.Line(upper, y - cap, upper, y + cap, theme.Text, whisker);

            if (panel.RightGutter.Width > 0)
            {
                var n = "n=" + bar.N.ToString("N0", CultureInfo.InvariantCulture);
                svg.Text(panel.RightGutter.Right, y + (nStyle.Size * FontMetrics.MiddleToBaselineEm), n, nStyle with { Italic = bar.Thin });
            }

            svg.EndGroup();
        }
    }
}
