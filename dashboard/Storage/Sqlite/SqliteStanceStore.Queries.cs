using System.Text.Json;
using Dapper;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;

namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>Reading pieces back with their authors and scores.</summary>
internal sealed partial class SqliteStanceStore
{
    private async Task<IReadOnlyList<StoredPiece>> QueryPiecesAsync(string whereAndOrder, object args, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<PieceRow>(
            $"""
            SELECT p.id AS Id, p.title AS Title, p.body AS Body, p.url AS Url, o.name AS Outlet,
                   p.published_utc AS PublishedUtc, p.language AS Language, p.origin AS Origin,
                   p.content_hash AS ContentHash, p.ingested_utc AS IngestedUtc, p.is_demo AS IsDemo,
                   p.duplicate_of AS DuplicateOf
            FROM pieces p LEFT JOIN outlets o ON o.id = p.outlet_id
            {whereAndOrder}
            """,
            args)).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var authors = (await connection.QueryAsync<(long PieceId, string Name)>(
            "SELECT pa.piece_id, a.name FROM piece_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.piece_id IN @ids ORDER BY pa.piece_id, pa.position",
            new { ids })).ToLookup(a => a.PieceId, a => a.Name);
        var scores = (await connection.QueryAsync<ScoreRow>(
            """
            SELECT s.piece_id AS PieceId, t.name AS Target, s.mentions AS Mentions, s.mention_spans_json AS SpansJson,
                   s.stance AS Stance, s.score AS Score, s.p_favor AS PFavor, s.p_against AS PAgainst, s.p_none AS PNone,
                   s.evidence_json AS EvidenceJson, s.model_version AS ModelVersion
            FROM scores s JOIN targets t ON t.id = s.target_id
            WHERE s.piece_id IN @ids ORDER BY s.piece_id, t.id
            """,
            new { ids })).ToLookup(s => s.PieceId);

        return rows.Select(r => new StoredPiece
        {
            Id = r.Id,
            Title = r.Title,
            Text = r.Body,
            Authors = authors[r.Id].ToArray(),
            Outlet = r.Outlet,
            Url = r.Url,
            Published = UtcText.ParseOrNull(r.PublishedUtc),
            Language = r.Language,
            Origin = r.Origin,
            ContentHash = r.ContentHash,
            IngestedUtc = UtcText.Parse(r.IngestedUtc),
            IsDemo = r.IsDemo != 0,
            DuplicateOf = r.DuplicateOf,
            Scores = scores[r.Id].Select(ToStoredScore).ToArray(),
        }).ToArray();
    }

    private static StoredScore ToStoredScore(ScoreRow row)
    {
        var spans = JsonSerializer.Deserialize<int[][]>(row.SpansJson, Json) ?? [];
        Stance? stance = StanceText.TryParse(row.Stance, out var parsed) ? parsed : null;
        return new StoredScore(row.Target, new TargetScore
        {
            Target = row.Target,
            Mentions = (int)row.Mentions,
            MentionSpans = spans.Where(s => s.Length == 2).Select(s => new TextSpan(s[0], s[1])).ToArray(),
            Stance = stance,
            Score = row.Score,
            Probabilities = row.PFavor is { } f && row.PAgainst is { } a && row.PNone is { } n ? new StanceProbabilities(f, a, n) : null,
            Evidence = JsonSerializer.Deserialize<string[]>(row.EvidenceJson, Json) ?? [],
            ModelVersion = row.ModelVersion,
        });
    }

    private sealed record PieceRow(
        long Id, string Title, string Body, string? Url, string? Outlet, string? PublishedUtc, string? Language,
        string? Origin, string ContentHash, string IngestedUtc, long IsDemo, long? DuplicateOf);

    private sealed record ScoreRow(
        long PieceId, string Target, long Mentions, string SpansJson, string? Stance, double? Score,
        double? PFavor, double? PAgainst, double? PNone, string EvidenceJson, string? ModelVersion);
}
