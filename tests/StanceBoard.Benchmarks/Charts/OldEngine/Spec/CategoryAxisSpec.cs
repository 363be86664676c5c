namespace StanceBoard.Benchmarks.OldEngine.Spec;

/// <summary>
/// A band axis of named categories in display order. When not all fit, the layout keeps the
/// first ones by <see cref="Priority"/> (indices into <see cref="Categories"/>, most important first)
/// and says so in the footer using <see cref="Noun"/>.
/// </summary>
internal sealed record CategoryAxisSpec(IReadOnlyList<string> Categories) : AxisSpec
{
    public IReadOnlyList<int>? Priority { get; init; }

    /// <summary>What a category is, plural ("authors"), for "Showing 20 of 57 authors".</summary>
    public string Noun { get; init; } = "categories";

    /// <summary>Draws the labels above the plot instead of below (heatmap columns).</summary>
    public bool LabelsOnTop { get; init; }

    /// <summary>The smallest band, in multiples of the tick font size.</summary>
    public double MinBandEm { get; init; } = 1.35;

    /// <summary>The largest band, in multiples of the base font size, or <see langword="null"/> to fill.</summary>
    public double? MaxBandEm { get; init; }

    /// <summary>
    /// On a y axis: the band grows to fill the plot but no taller than the x axis's band, so a
    /// grid of few rows has square cells instead of thin strips above empty space.
    /// </summary>
    public bool AtMostSquare { get; init; }
}
