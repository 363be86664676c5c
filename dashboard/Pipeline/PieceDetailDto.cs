using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Pipeline;

/// <summary>A piece with its full text and where each target is mentioned, for the piece page.</summary>
public sealed record PieceDetailDto
{
    public required PieceDto Piece { get; init; }
    public required string Text { get; init; }
    public string? Language { get; init; }
    public DateTimeOffset IngestedUtc { get; init; }

    /// <summary>Target name → mention offsets [start, length] in <see cref="Text"/>.</summary>
    public required IReadOnlyDictionary<string, int[][]> Mentions { get; init; }

    /// <summary>When this piece is a syndicated copy, the id of the original it is linked to (and scored as).</summary>
    public long? DuplicateOf { get; init; }

    /// <summary>Syndicated copies of this piece found elsewhere (stored linked to it, not scored again).</summary>
    public IReadOnlyList<PieceCopyDto> Copies { get; init; } = [];

    public static PieceDetailDto From(StoredPiece piece, IReadOnlyList<StoredPiece>? copies = null)
    {
        ArgumentNullException.ThrowIfNull(piece);
        return new PieceDetailDto
        {
            Piece = PieceDto.From(piece),
            Text = piece.Text,
            Language = piece.Language,
            IngestedUtc = piece.IngestedUtc,
            DuplicateOf = piece.DuplicateOf,
            Copies = (copies ?? []).Select(c => new PieceCopyDto(c.Id, c.Title, c.Outlet, c.Url, c.Published)).ToArray(),
            Mentions = piece.Scores.ToDictionary(
                s => s.Target,
                s => s.Score.MentionSpans.Select(m => new[] { m.Start, m.Length }).ToArray(),
                StringComparer.OrdinalIgnoreCase),
        };
    }
}

/// <summary>A syndicated copy of a piece: where else it was published.</summary>
public sealed record PieceCopyDto(long Id, string Title, string? Outlet, string? Url, DateTimeOffset? Published);
