namespace StanceBoard.Dashboard.ChartServing;

/// <summary>Which state of the store a cached value was computed from.</summary>
/// <param name="Version">The <see cref="DataVersion"/> current when the read started.</param>
/// <param name="MaxPieceId">The highest piece id in the store when it was read (where a later read of what was added starts).</param>
/// <param name="ReadAt">When the store was last read whole.</param>
internal readonly record struct DataStamp(DataVersion Version, long MaxPieceId, DateTimeOffset ReadAt)
{
    /// <summary>Whether nothing was announced since the read started, and it is not older than <paramref name="maxAge"/>.</summary>
    public bool IsCurrent(DataVersion current, DateTimeOffset now, TimeSpan maxAge) =>
        Version == current && now - ReadAt < maxAge;
}
