namespace StanceBoard.Benchmarks.OldEngine.Builders;

/// <summary>The builders by chart name.</summary>
internal static class ChartBuilders
{
    private static readonly Dictionary<string, IChartBuilder> ByName = new IChartBuilder[]
    {
        new StanceTimelineBuilder(),
        new HeatmapBuilder(ChartNames.AuthorHeatmap, Analysis.Aggregation.AggregateDimension.Author),
        new AuthorPositionsBuilder(),
        new StanceDistributionBuilder(),
        new HeatmapBuilder(ChartNames.OutletHeatmap, Analysis.Aggregation.AggregateDimension.Outlet),
    }.ToDictionary(b => b.Name, StringComparer.Ordinal);

    public static IChartBuilder Get(string name) =>
        ByName.TryGetValue(name, out var builder)
            ? builder
            : throw new ChartParameterException("name", $"Unknown chart '{name}'; use one of {string.Join(", ", ChartNames.All)}.");
}
