using System.Globalization;
using StanceBoard.Dashboard.Pipeline;

namespace StanceBoard.Dashboard.Cli;

/// <summary>One line of <c>ingest --json</c> (also <c>score</c>): the piece, where it came from, and whether it was new.</summary>
internal sealed record IngestLine(
    long? Id,
    bool New,
    string Source,
    string Title,
    IReadOnlyList<string> Authors,
    string? Outlet,
    DateTimeOffset? Published,
    string? Url,
    IReadOnlyDictionary<string, TargetScoreDto> Targets)
{
    public static IngestLine From(ProcessResult result, string source) => new(
        result.Piece.Id,
        result.IsNew,
        source,
        result.Piece.Title,
        result.Piece.Authors,
        result.Piece.Outlet,
        result.Piece.Published,
        result.Piece.Url,
        result.Piece.Targets);

    public static string Describe(ProcessResult result, string source)
    {
        var piece = result.Piece;
        var authors = piece.Authors.Count > 0 ? string.Join(", ", piece.Authors) : "unknown author";
        var targets = piece.Targets.Count > 0
            ? string.Join(", ", piece.Targets.Select(t => t.Value.Stance is { } s
                ? string.Create(CultureInfo.InvariantCulture, $"{t.Key} {s} ({t.Value.Score:+0.00;-0.00;0.00})")
                : $"{t.Key} ×{t.Value.Mentions}"))
            : "no target mentioned";
        var state = result.IsNew ? "stored" : "already stored";
        return $"#{piece.Id} {state}: \"{piece.Title}\" by {authors} — {targets}  [{source}]";
    }
}
