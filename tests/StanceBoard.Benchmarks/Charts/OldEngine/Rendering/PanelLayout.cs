using StanceBoard.Benchmarks.OldEngine.Spec;
using StanceBoard.Benchmarks.OldEngine.Svg;

namespace StanceBoard.Benchmarks.OldEngine.Rendering;

/// <summary>A panel after layout.</summary>
internal sealed record PanelLayout(PanelSpec Spec, Rect Plot, AxisLayout X, AxisLayout Y, bool ShowYLabels, int Index)
{
    /// <summary>The strip at the panel's right reserved for n labels.</summary>
    public Rect RightGutter { get; init; }
}
