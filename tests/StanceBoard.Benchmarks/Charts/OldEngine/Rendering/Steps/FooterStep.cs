namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>Writes the caption and the provenance line.</summary>
internal sealed class FooterStep : IRenderStep
{
    public void Render(RenderContext context)
    {
        foreach (var line in context.Footer)
        {
            context.Svg.Text(line.X, line.Baseline, line.Text, line.Style);
        }
    }
}
