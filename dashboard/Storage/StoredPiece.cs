namespace StanceBoard.Dashboard.Storage;

/// <summary>A piece as the store keeps it, with its scores.</summary>
public sealed record StoredPiece
{
    public required long Id { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
    public string? Outlet { get; init; }
    public string? Url { get; init; }
    public DateTimeOffset? Published { get; init; }
    public string? Language { get; init; }
    public string? Origin { get; init; }
    public required string ContentHash { get; init; }
    public required DateTimeOffset IngestedUtc { get; init; }
    public bool IsDemo { get; init; }
    public long? DuplicateOf { get; init; }
    public required IReadOnlyList<StoredScore> Scores { get; init; }
}
