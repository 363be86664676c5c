namespace StanceBoard.Benchmarks.OldEngine.Plottables;

/// <summary>One row of a diverging bar chart: the row index, the estimate, its interval, n and thinness.</summary>
internal readonly record struct PositionBar(int Row, double Estimate, double Lower, double Upper, int N, bool Thin);
