namespace StanceBoard.Benchmarks.OldEngine.Rendering;

/// <summary>One small step of drawing a chart; <see cref="ChartRenderer"/> runs them in order.</summary>
internal interface IRenderStep
{
    void Render(RenderContext context);
}
