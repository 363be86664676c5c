namespace StanceBoard.Benchmarks.OldEngine.Plottables;

/// <summary>One cell of a heatmap: row and column indices, the estimate, n and thinness.</summary>
internal readonly record struct HeatmapCell(int Row, int Column, double Value, int N, bool Thin);
