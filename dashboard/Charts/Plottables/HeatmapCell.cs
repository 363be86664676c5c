namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>One cell of a heatmap: row and column indices, the estimate, n, thinness and the estimate's interval.</summary>
internal readonly record struct HeatmapCell(int Row, int Column, double Value, int N, bool Thin, double Lower, double Upper);
