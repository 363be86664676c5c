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

    public static PieceDetailDto From(StoredPiece piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        return new PieceDetailDto
        {
            Piece = PieceDto.From(piece),
            Text = piece.Text,
            Language = piece.Language,
            IngestedUtc = piece.IngestedUtc,
            Mentions = piece.Scores.ToDictionary(
                s => s.Target,
                s => s.Score.MentionSpans.Select(m => new[] { m.Start, m.Length }).ToArray(),
                StringComparer.OrdinalIgnoreCase),
        };
    }
}
