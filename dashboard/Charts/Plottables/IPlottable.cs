using StanceBoard.Dashboard.Charts.Rendering;

namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>Something drawn inside a panel, in the panel's coordinates.</summary>
internal interface IPlottable
{
    void Render(RenderContext context, PanelLayout panel);
}
