using System.Globalization;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine.Builders;

/// <summary>The CSV table of aggregates, shared by the charts built on them.</summary>
internal static class CsvRows
{
    private static readonly string[] Columns =
    [
        "target", "group", "bin", "bin_start", "bin_end", "n", "mean", "estimate", "lower", "upper",
        "favor", "against", "none", "thin", "model_versions",
    ];

    public static ChartData From(IEnumerable<StanceAggregate> aggregates, TimeBin bin, string groupColumn)
    {
        var columns = Columns.Select(c => c == "group" ? groupColumn : c).ToList();
        var rows = aggregates.Select(a => (IReadOnlyList<string>)
        [
            a.Target,
            a.Group ?? string.Empty,
            a.BinStart is { } s ? TimeBins.Label(s, bin) : string.Empty,
            a.BinStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            a.BinEnd?.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            a.N.ToString(CultureInfo.InvariantCulture),
            Number(a.Mean),
            Number(a.Estimate),
            Number(a.Lower),
            Number(a.Upper),
            a.Favor.ToString(CultureInfo.InvariantCulture),
            a.Against.ToString(CultureInfo.InvariantCulture),
            a.None.ToString(CultureInfo.InvariantCulture),
            a.IsThin ? "true" : "false",
            string.Join(";", a.ModelVersions),
        ]).ToList();
        return new ChartData(columns, rows);
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
