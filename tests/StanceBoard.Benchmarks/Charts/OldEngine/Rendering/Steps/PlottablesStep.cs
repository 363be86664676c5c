namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>Draws each panel's plottables in order.</summary>
internal sealed class PlottablesStep : IRenderStep
{
    public void Render(RenderContext context)
    {
        foreach (var panel in context.Panels)
        {
            foreach (var plottable in panel.Spec.Plottables)
            {
                plottable.Render(context, panel);
            }
        }
    }
}
