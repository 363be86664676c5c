using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>Light gridlines at the ticks of numeric and date axes, behind the data.</summary>
internal sealed class GridStep : IRenderStep
{
    public void Render(RenderContext context)
    {
        var theme = context.Theme;
        var svg = context.Svg;
        foreach (var panel in context.Panels)
        {
            var plot = panel.Plot;
            if (panel.Y.Spec is LinearAxisSpec)
            {
                foreach (var tick in panel.Y.Ticks)
                {
                    var y = panel.Y.Map(tick.Value);
                    svg.Line(plot.X, y, plot.Right, y, theme.Grid, theme.HairLine);
                }
            }

            if (panel.X.Spec is LinearAxisSpec or DateAxisSpec)
            {
                foreach (var tick in panel.X.Ticks)
                {
                    var x = panel.X.Map(tick.Value);
                    svg.Line(x, plot.Y, x, plot.Bottom, theme.Grid, theme.HairLine);
                }
            }
        }
    }
}
