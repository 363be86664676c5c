namespace StanceBoard.Benchmarks.OldEngine.Spec;

/// <summary>A numeric axis over [<see cref="Min"/>, <see cref="Max"/>].</summary>
internal sealed record LinearAxisSpec(double Min, double Max) : AxisSpec
{
    /// <summary>A fixed tick step (the stance axis uses 0.5); otherwise nice ticks fitted to the length.</summary>
    public double? Step { get; init; }

    /// <summary>Whether positive labels get a "+" (stance scores).</summary>
    public bool SignedLabels { get; init; }

    /// <summary>A word at the low end of the axis, inside the plot ("Against").</summary>
    public string? LowLabel { get; init; }

    /// <summary>A word at the high end of the axis, inside the plot ("Favor").</summary>
    public string? HighLabel { get; init; }

    /// <summary>Whether the domain extends outward to whole nice steps.</summary>
    public bool Nice { get; init; } = true;
}
