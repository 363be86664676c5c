namespace StanceBoard.Benchmarks.OldEngine.Spec;

/// <summary>An axis of a panel; see the derived records.</summary>
internal abstract record AxisSpec
{
    /// <summary>The axis title, or <see langword="null"/>.</summary>
    public string? Title { get; init; }
}
