using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Pipeline;

/// <summary>
/// A scored piece as clients see it: the <c>pieceScored</c> hub message, the API's piece
/// listing and the CLI's <c>ingest --json</c> line.
/// </summary>
public sealed record PieceDto
{
    public required long Id { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
    public string? Outlet { get; init; }
    public DateTimeOffset? Published { get; init; }
    public string? Url { get; init; }
    public bool IsDemo { get; init; }

    /// <summary>One entry per target the piece mentions; targets it never mentions are absent.</summary>
    public required IReadOnlyDictionary<string, TargetScoreDto> Targets { get; init; }

    public static PieceDto From(StoredPiece piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        return new PieceDto
        {
            Id = piece.Id,
            Title = piece.Title,
            Authors = piece.Authors,
            Outlet = piece.Outlet,
            Published = piece.Published,
            Url = piece.Url,
            IsDemo = piece.IsDemo,
            Targets = piece.Scores.ToDictionary(s => s.Target, s => TargetScoreDto.From(s.Score), StringComparer.OrdinalIgnoreCase),
        };
    }
}

/// <summary>A piece's stance towards one target, as clients see it.</summary>
public sealed record TargetScoreDto(int Mentions, string? Stance, double? Score, ProbabilitiesDto? Probabilities, IReadOnlyList<string> Evidence, string? ModelVersion)
{
    public static TargetScoreDto From(Analysis.Scoring.TargetScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return new TargetScoreDto(
            score.Mentions,
            score.Stance is { } s ? StanceText.ToText(s) : null,
            score.Score is { } v ? Math.Round(v, 4) : null,
            score.Probabilities is { } p ? new ProbabilitiesDto(Math.Round(p.Favor, 4), Math.Round(p.Against, 4), Math.Round(p.None, 4)) : null,
            score.Evidence,
            score.ModelVersion);
    }
}

/// <summary>Class probabilities, rounded to four places.</summary>
public sealed record ProbabilitiesDto(double Favor, double Against, double None);
