namespace StanceBoard.Dashboard.Storage;

/// <summary>The outcome of storing a piece.</summary>
/// <param name="Id">The stored piece's id (the existing one when <paramref name="IsNew"/> is false).</param>
/// <param name="IsNew">False when the same content (hash) or canonical URL was already stored.</param>
public sealed record AddPieceResult(long Id, bool IsNew);
