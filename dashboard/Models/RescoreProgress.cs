namespace StanceBoard.Dashboard.Models;

/// <summary>Where a re-scoring of stored pieces is, as the hub sends it (<c>rescoreProgress</c>).</summary>
/// <param name="ModelVersion">The version scoring.</param>
/// <param name="Done">Pieces re-scored so far.</param>
/// <param name="Total">Pieces to re-score.</param>
/// <param name="State"><c>running</c>, <c>finished</c>, <c>cancelled</c> or <c>failed</c>.</param>
public sealed record RescoreProgress(string ModelVersion, long Done, long Total, string State);
