namespace StanceBoard.Benchmarks.OldEngine;

/// <summary>The charts by name; the names are the API (<c>/api/charts/{name}.svg</c>, <c>chart {name}</c>).</summary>
internal static class ChartNames
{
    /// <summary>Mean stance per target over time, with interval bands.</summary>
    public const string StanceTimeline = "stance-timeline";

    /// <summary>Authors × targets, colour = mean stance, n in each cell, thin cells hatched.</summary>
    public const string AuthorHeatmap = "author-heatmap";

    /// <summary>Diverging bars per author with intervals, one panel per target.</summary>
    public const string AuthorPositions = "author-positions";

    /// <summary>Favor / none / against counts per target.</summary>
    public const string StanceDistribution = "stance-distribution";

    /// <summary>Outlets × targets, like <see cref="AuthorHeatmap"/>.</summary>
    public const string OutletHeatmap = "outlet-heatmap";

    /// <summary>All chart names.</summary>
    public static IReadOnlyList<string> All { get; } = [StanceTimeline, AuthorHeatmap, AuthorPositions, StanceDistribution, OutletHeatmap];

    /// <summary>Whether <paramref name="name"/> is a chart (case-sensitive, as in URLs).</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
