namespace StanceBoard.Benchmarks.OldEngine.Spec;

/// <summary>A time axis from <see cref="First"/> to the end of <see cref="Last"/> (UTC days).</summary>
internal sealed record DateAxisSpec(DateOnly First, DateOnly Last) : AxisSpec;
