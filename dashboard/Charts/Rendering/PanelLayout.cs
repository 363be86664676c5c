using StanceBoard.Dashboard.Charts.Spec;
using StanceBoard.Dashboard.Charts.Svg;

namespace StanceBoard.Dashboard.Charts.Rendering;

/// <summary>A panel after layout.</summary>
internal sealed record PanelLayout(PanelSpec Spec, Rect Plot, AxisLayout X, AxisLayout Y, bool ShowYLabels, int Index)
{
    /// <summary>The strip at the panel's right reserved for n labels.</summary>
    public Rect RightGutter { get; init; }
}
