using StanceBoard.Benchmarks.OldEngine.Plottables;

namespace StanceBoard.Benchmarks.OldEngine.Spec;

/// <summary>One plot area with its axes and what is drawn in it; charts with facets have several.</summary>
internal sealed record PanelSpec(AxisSpec X, AxisSpec Y, IReadOnlyList<IPlottable> Plottables)
{
    /// <summary>The facet title above the panel, or <see langword="null"/>.</summary>
    public string? Title { get; init; }

    /// <summary>Text reserved at the right of the panel (n labels), in multiples of the tick size; 0 for none.</summary>
    public double RightGutterEm { get; init; }
}
