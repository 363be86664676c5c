namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>Writes the title and subtitle lines.</summary>
internal sealed class HeaderStep : IRenderStep
{
    public void Render(RenderContext context)
    {
        foreach (var line in context.Header)
        {
            context.Svg.Text(line.X, line.Baseline, line.Text, line.Style);
        }
    }
}
