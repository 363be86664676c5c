using StanceBoard.Benchmarks.OldEngine.Rendering.Steps;
using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine.Rendering;

/// <summary>
/// Renders a <see cref="ChartSpec"/> to SVG by running an ordered list of small steps (the
/// shape of ScottPlot's RenderManager): layout first, then background to foreground. Output is
/// deterministic: invariant formatting, no clocks, no randomness.
/// </summary>
internal static class ChartRenderer
{
    private static readonly IRenderStep[] Steps =
    [
        new LayoutStep(),
        new BackgroundStep(),
        new DefsStep(),
        new HeaderStep(),
        new LegendStep(),
        new GridStep(),
        new PlottablesStep(),
        new AxesStep(),
        new EmptyMessageStep(),
        new FooterStep(),
    ];

    public static IReadOnlyList<string> StepNames { get; } = Steps.Select(s => s.GetType().Name).ToList();

    public static string Render(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var context = new RenderContext(spec);
        context.Svg.Open(context.Width, context.Height, spec.Title, spec.Caption);
        foreach (var step in Steps)
        {
            step.Render(context);
        }

        context.Svg.Close();
        return context.Svg.ToString();
    }
}
