using StanceBoard.Benchmarks.OldEngine.Rendering;

namespace StanceBoard.Benchmarks.OldEngine.Plottables;

/// <summary>A line across the panel at a data value (the zero of a stance axis).</summary>
internal sealed record ReferenceLine(double Value, bool Vertical) : IPlottable
{
    public void Render(RenderContext context, PanelLayout panel)
    {
        var theme = context.Theme;
        var plot = panel.Plot;
        if (Vertical)
        {
            var x = panel.X.Map(Value);
            context.Svg.Line(x, plot.Y, x, plot.Bottom, theme.ZeroLine, theme.HairLine * 1.6);
        }
        else
        {
            var y = panel.Y.Map(Value);
            context.Svg.Line(plot.X, y, plot.Right, y, theme.ZeroLine, theme.HairLine * 1.6);
        }
    }
}
