namespace StanceBoard.Dashboard.ChartServing;

/// <summary>Which state of the store a cached value was computed from.</summary>
/// <param name="Generation">The <see cref="DataVersion.Generation"/> current when the store was read.</param>
/// <param name="MaxPieceId">The highest piece id in the store when it was read.</param>
/// <param name="ReadAt">When the store was read.</param>
internal readonly record struct DataStamp(long Generation, long MaxPieceId, DateTimeOffset ReadAt)
{
    /// <summary>Whether a value from this state still shows everything <paramref name="current"/> announces.</summary>
    public bool IsCurrent(DataVersion current, DateTimeOffset now, TimeSpan maxAge) =>
        Generation == current.Generation && MaxPieceId >= current.NewestPiece && now - ReadAt < maxAge;
}
