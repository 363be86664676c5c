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

    public async Task<IReadOnlyList<TargetSummary>> GetTargetSummariesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(
            """
            SELECT t.name AS Target,
                   COUNT(s.piece_id) AS Pieces,
                   COUNT(s.stance) AS Scored,
                   COALESCE(SUM(s.stance = 'favor'), 0) AS Favor,
                   COALESCE(SUM(s.stance = 'against'), 0) AS Against,
                   COALESCE(SUM(s.stance = 'none'), 0) AS None,
                   AVG(s.score) AS MeanScore
            FROM targets t LEFT JOIN scores s ON s.target_id = t.id
            GROUP BY t.id, t.name
            ORDER BY t.id
            """);
        return rows.Select(r => new TargetSummary(r.Target, r.Pieces, r.Scored, r.Favor, r.Against, r.None, r.MeanScore)).ToArray();
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

    // Dapper fills these by property name; constructor matching would break on NULL columns.
    private sealed class PieceRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string Body { get; init; } = "";
        public string? Url { get; init; }
        public string? Outlet { get; init; }
        public string? PublishedUtc { get; init; }
        public string? Language { get; init; }
        public string? Origin { get; init; }
        public string ContentHash { get; init; } = "";
        public string IngestedUtc { get; init; } = "";
        public long IsDemo { get; init; }
        public long? DuplicateOf { get; init; }
    }

    private sealed class ScoreRow
    {
        public long PieceId { get; init; }
        public string Target { get; init; } = "";
        public long Mentions { get; init; }
        public string SpansJson { get; init; } = "[]";
        public string? Stance { get; init; }
        public double? Score { get; init; }
        public double? PFavor { get; init; }
        public double? PAgainst { get; init; }
        public double? PNone { get; init; }
        public string EvidenceJson { get; init; } = "[]";
        public string? ModelVersion { get; init; }
    }

    private sealed class SummaryRow
    {
        public string Target { get; init; } = "";
        public long Pieces { get; init; }
        public long Scored { get; init; }
        public long Favor { get; init; }
        public long Against { get; init; }
        public long None { get; init; }
        public double? MeanScore { get; init; }
    }
}
