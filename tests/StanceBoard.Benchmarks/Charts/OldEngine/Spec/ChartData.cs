namespace StanceBoard.Benchmarks.OldEngine.Spec;

/// <summary>The numbers behind a chart, as a table for CSV export.</summary>
internal sealed record ChartData(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
