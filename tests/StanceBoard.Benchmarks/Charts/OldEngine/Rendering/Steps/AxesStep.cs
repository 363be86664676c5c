using StanceBoard.Benchmarks.OldEngine.Spec;
using StanceBoard.Benchmarks.OldEngine.Svg;
using StanceBoard.Benchmarks.OldEngine.Text;

namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>Tick labels, axis lines, axis titles, stance end labels and facet titles.</summary>
internal sealed class AxesStep : IRenderStep
{
    public void Render(RenderContext context)
    {
        foreach (var panel in context.Panels)
        {
            RenderX(context, panel);
            RenderY(context, panel);
            RenderTitles(context, panel);
        }
    }

    private static void RenderX(RenderContext context, PanelLayout panel)
    {
        var theme = context.Theme;
        var svg = context.Svg;
        var plot = panel.Plot;
        var size = theme.TickSize;
        var style = new TextStyle(size, theme.SecondaryText, Anchor: TextAnchor.Middle);
        switch (panel.X.Spec)
        {
            case LinearAxisSpec or DateAxisSpec:
                svg.Line(plot.X, plot.Bottom, plot.Right, plot.Bottom, theme.Axis, theme.HairLine);
                var baseline = plot.Bottom + (size * 0.5) + (size * 0.95);
                foreach (var tick in panel.X.Ticks)
                {
                    var x = panel.X.Map(tick.Value);
                    svg.Line(x, plot.Bottom, x, plot.Bottom + (size * 0.3), theme.Axis, theme.HairLine);
                    svg.Text(x, baseline, tick.Label, style);
                    if (tick.Secondary is not null)
                    {
                        svg.Text(x, baseline + (size * theme.LineHeight), tick.Secondary, style);
                    }
                }

                if (panel.X.Spec.Title is { } title)
                {
                    var lines = panel.X.Spec is DateAxisSpec ? 2 : 1;
                    var y = baseline + (size * theme.LineHeight * lines) + (size * 0.2);
                    svg.Text(plot.CenterX, y, title, style with { Fill = theme.Text });
                }

                break;
            case CategoryAxisSpec c when c.LabelsOnTop:
                var labelBaseline = plot.Y - (size * 0.6);
                foreach (var index in panel.X.VisibleCategories())
                {
                    var label = TextFit.Truncate(c.Categories[index], panel.X.Band - (size * 0.4), size, true, out var truncated);
                    svg.Text(panel.X.Category(index), labelBaseline, label, style with { Fill = theme.Text, Bold = true }, truncated ? c.Categories[index] : null);
                }

                break;
            default:
                break;
        }
    }

    private static void RenderY(RenderContext context, PanelLayout panel)
    {
        var theme = context.Theme;
        var svg = context.Svg;
        var plot = panel.Plot;
        var size = theme.TickSize;
        var style = new TextStyle(size, theme.SecondaryText, Anchor: TextAnchor.End);
        switch (panel.Y.Spec)
        {
            case LinearAxisSpec l:
                if (panel.ShowYLabels)
                {
                    foreach (var tick in panel.Y.Ticks)
                    {
                        svg.Text(plot.X - (size * 0.5), panel.Y.Map(tick.Value) + (size * FontMetrics.MiddleToBaselineEm), tick.Label, style);
                    }
                }

                var end = new TextStyle(size * 0.92, theme.SecondaryText, Italic: true);
                if (l.HighLabel is { } high)
                {
                    svg.Text(plot.X + (size * 0.4), plot.Y + (size * 1.05), "\u25b2 " + high, end);
                }

                if (l.LowLabel is { } low)
                {
                    svg.Text(plot.X + (size * 0.4), plot.Bottom - (size * 0.45), "\u25bc " + low, end);
                }

                break;
            case CategoryAxisSpec c when panel.ShowYLabels:
                var maxWidth = panel.Plot.X - context.PlotRegion.X - (theme.BaseSize * 0.7);
                var labelStyle = style with { Fill = theme.Text };
                foreach (var index in panel.Y.VisibleCategories())
                {
                    var full = c.Categories[index];
                    var label = TextFit.Truncate(full, maxWidth, size, false, out var truncated);
                    svg.Text(plot.X - (theme.BaseSize * 0.5), panel.Y.Category(index) + (size * FontMetrics.MiddleToBaselineEm), label, labelStyle, truncated ? full : null);
                }

                break;
            default:
                break;
        }
    }

    private static void RenderTitles(RenderContext context, PanelLayout panel)
    {
        var theme = context.Theme;
        var size = theme.TickSize;
        var topOfLabels = panel.X.Spec is CategoryAxisSpec { LabelsOnTop: true } ? size * theme.LineHeight * 1.1 : 0;
        var straddle = panel.Y.Spec is LinearAxisSpec ? size * 0.5 : 0;
        var baseline = panel.Plot.Y - topOfLabels - straddle - (size * 0.55);
        if (panel.Spec.Title is { } title)
        {
            var width = panel.Plot.Width + panel.RightGutter.Width;
            var text = TextFit.Truncate(title, width, size * 1.05, true, out var truncated);
            context.Svg.Text(panel.Plot.X + (panel.Plot.Width / 2), baseline, text, new TextStyle(size * 1.05, theme.Text, Bold: true, Anchor: TextAnchor.Middle), truncated ? title : null);
        }

        if (panel.ShowYLabels && panel.Y.Spec.Title is { } yTitle)
        {
            context.Svg.Text(context.PlotRegion.X, baseline, yTitle, new TextStyle(size, theme.SecondaryText));
        }
    }
}
