namespace StanceBoard.Dashboard.Storage.Labels;

/// <summary>Who wrote a piece and where: what the queue balances over.</summary>
public sealed record PieceFacets(long PieceId, string? Outlet, IReadOnlyList<string> Authors);
