using StanceBoard.Benchmarks.OldEngine.Svg;

namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>Paints the canvas white (PNG and PDF are opaque).</summary>
internal sealed class BackgroundStep : IRenderStep
{
    public void Render(RenderContext context) =>
        context.Svg.Rect(new Rect(0, 0, context.Width, context.Height), context.Theme.Background);
}
