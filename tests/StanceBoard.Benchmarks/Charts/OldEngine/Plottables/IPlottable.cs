using StanceBoard.Benchmarks.OldEngine.Rendering;

namespace StanceBoard.Benchmarks.OldEngine.Plottables;

/// <summary>Something drawn inside a panel, in the panel's coordinates.</summary>
internal interface IPlottable
{
    void Render(RenderContext context, PanelLayout panel);
}
