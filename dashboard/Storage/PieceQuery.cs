namespace StanceBoard.Dashboard.Storage;

/// <summary>Filters for listing pieces, newest first.</summary>
public sealed record PieceQuery
{
    /// <summary>At most this many pieces (1–500).</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Only pieces with an id below this one (keyset paging).</summary>
    public long? BeforeId { get; init; }

    /// <summary>Only pieces with an id above this one; with it, the oldest come first.</summary>
    public long? AfterId { get; init; }

    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Outlets { get; init; } = [];
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>
    /// Also list syndicated copies (pieces stored linked to an original, unscored). Left out by
    /// default: the original stands for them in lists, live updates and re-scoring.
    /// </summary>
    public bool IncludeCopies { get; init; }
}
