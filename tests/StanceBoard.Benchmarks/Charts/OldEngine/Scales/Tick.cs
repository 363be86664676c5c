namespace StanceBoard.Benchmarks.OldEngine.Scales;

/// <summary>A tick: its value on the axis, its label, and an optional second label line (the year on date axes).</summary>
internal sealed record Tick(double Value, string Label, string? Secondary = null);
