using System.Text;
using System.Text.Json;
using Dapper;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>Reading pieces back with their authors and scores, target totals and chart observations.</summary>
internal sealed partial class PostgresStanceStore
{
    private async Task<IReadOnlyList<StoredPiece>> QueryPiecesAsync(string whereAndOrder, object args, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<PieceRow>(new CommandDefinition(
            $"""
            SELECT p.id AS Id, p.title AS Title, p.body AS Body, p.url AS Url, o.name AS Outlet,
                   p.published_utc AS PublishedUtc, p.language AS Language, p.origin AS Origin,
                   p.content_hash AS ContentHash, p.ingested_utc AS IngestedUtc, p.is_demo AS IsDemo,
                   p.duplicate_of AS DuplicateOf
            FROM pieces p LEFT JOIN outlets o ON o.id = p.outlet_id
            {whereAndOrder}
            """,
            args,
            cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var authors = (await connection.QueryAsync<(long PieceId, string Name)>(
            "SELECT pa.piece_id, a.name FROM piece_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.piece_id = ANY(@ids) ORDER BY pa.piece_id, pa.position",
            new { ids })).ToLookup(a => a.PieceId, a => a.Name);
        var scores = (await connection.QueryAsync<ScoreRow>(
            """
            SELECT s.piece_id AS PieceId, t.name AS Target, s.mentions AS Mentions, s.mention_spans_json AS SpansJson,
                   s.stance AS Stance, s.score AS Score, s.p_favor AS PFavor, s.p_against AS PAgainst, s.p_none AS PNone,
                   s.evidence_json AS EvidenceJson, s.model_version AS ModelVersion
            FROM scores s JOIN targets t ON t.id = s.target_id
            WHERE s.piece_id = ANY(@ids) ORDER BY s.piece_id, t.id
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
            Published = PgTime.FromDb(r.PublishedUtc),
            Language = r.Language,
            Origin = r.Origin,
            ContentHash = r.ContentHash,
            IngestedUtc = PgTime.FromDb(r.IngestedUtc),
            IsDemo = r.IsDemo,
            DuplicateOf = r.DuplicateOf,
            Scores = scores[r.Id].Select(ToStoredScore).ToArray(),
        }).ToArray();
    }

    public async Task<IReadOnlyList<TargetSummary>> GetTargetSummariesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(
            """
            SELECT t.name AS Target,
                   COUNT(s.piece_id) AS Pieces,
                   COUNT(s.stance) AS Scored,
                   COUNT(*) FILTER (WHERE s.stance = 'favor') AS Favor,
                   COUNT(*) FILTER (WHERE s.stance = 'against') AS Against,
                   COUNT(*) FILTER (WHERE s.stance = 'none') AS None,
                   AVG(s.score) AS MeanScore
            FROM targets t LEFT JOIN scores s ON s.target_id = t.id
            GROUP BY t.id, t.name
            ORDER BY t.id
            """);
        return rows.Select(r => new TargetSummary(r.Target, r.Pieces, r.Scored, r.Favor, r.Against, r.None, r.MeanScore)).ToArray();
    }

    public async Task<IReadOnlyList<StanceObservation>> ListObservationsAsync(StanceFilter filter, int limit, CancellationToken cancellationToken = default) =>
        (await ReadObservationsAsync(filter, limit, cancellationToken)).Observations;

    // Several instances and workers insert at once, and a sequence hands out ids before commit: a
    // piece with a lower id can become visible after one with a higher id. So there is no "what was
    // added since id N" here: every read is whole (Complete), with the highest id as a marker.
    public Task<ObservationRead> ListObservationsSinceAsync(StanceFilter filter, long afterPieceId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPieceId);
        return ReadObservationsAsync(filter, limit, cancellationToken);
    }

    private async Task<ObservationRead> ReadObservationsAsync(StanceFilter filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var sql = new StringBuilder(
            """
            SELECT s.piece_id AS PieceId, p.published_utc AS PublishedUtc, a.name AS Author, o.name AS Outlet,
                   t.name AS Target, s.stance AS Stance, s.score AS Score, s.model_version AS ModelVersion
            FROM scores s
            JOIN pieces p ON p.id = s.piece_id
            JOIN targets t ON t.id = s.target_id
            LEFT JOIN outlets o ON o.id = p.outlet_id
            LEFT JOIN piece_authors pa ON pa.piece_id = p.id
            LEFT JOIN authors a ON a.id = pa.author_id
            WHERE s.score IS NOT NULL AND s.stance IS NOT NULL AND s.model_version IS NOT NULL
              AND p.duplicate_of IS NULL
            """);
        var args = new DynamicParameters();
        if (filter.From is { } from)
        {
            sql.Append(" AND p.published_utc >= @From");
            args.Add("From", from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        }

        // The last calendar day has no next day to stop before: no upper bound is then needed.
        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            sql.Append(" AND p.published_utc < @ToExclusive");
            args.Add("ToExclusive", to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        }

        if (filter.Targets.Count > 0)
        {
            sql.Append(" AND lower(t.name) = ANY(@Targets)");
            args.Add("Targets", Lower(filter.Targets));
        }

        if (filter.Outlets.Count > 0)
        {
            sql.Append(" AND lower(o.name) = ANY(@Outlets)");
            args.Add("Outlets", Lower(filter.Outlets));
        }

        if (filter.Authors.Count > 0)
        {
            sql.Append(" AND lower(a.name) = ANY(@Authors)");
            args.Add("Authors", Lower(filter.Authors));
        }

        sql.Append(" ORDER BY s.piece_id, t.id, pa.position LIMIT @Limit");
        args.Add("Limit", (long)limit + 1);

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ObservationRow>(new CommandDefinition(sql.ToString(), args, cancellationToken: cancellationToken));
        var observations = rows.Select(r => new StanceObservation(
            r.PieceId,
            PgTime.FromDb(r.PublishedUtc),
            r.Author,
            r.Outlet,
            r.Target,
            StanceText.TryParse(r.Stance, out var stance) ? stance : Stance.None,
            r.Score,
            r.ModelVersion)).ToArray();
        return new ObservationRead(observations, observations.Length == 0 ? 0 : observations.Max(o => o.PieceId), Complete: true);
    }

    private static StoredScore ToStoredScore(ScoreRow row)
    {
        var spans = JsonSerializer.Deserialize<int[][]>(row.SpansJson, Json) ?? [];
        Stance? stance = StanceText.TryParse(row.Stance, out var parsed) ? parsed : null;
        return new StoredScore(row.Target, new TargetScore
        {
            Target = row.Target,
            Mentions = row.Mentions,
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
        public DateTime? PublishedUtc { get; init; }
        public string? Language { get; init; }
        public string? Origin { get; init; }
        public string ContentHash { get; init; } = "";
        public DateTime IngestedUtc { get; init; }
        public bool IsDemo { get; init; }
        public long? DuplicateOf { get; init; }
    }

    private sealed class ScoreRow
    {
        public long PieceId { get; init; }
        public string Target { get; init; } = "";
        public int Mentions { get; init; }
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

    private sealed class ObservationRow
    {
        public long PieceId { get; init; }
        public DateTime? PublishedUtc { get; init; }
        public string? Author { get; init; }
        public string? Outlet { get; init; }
        public string Target { get; init; } = "";
        public string? Stance { get; init; }
        public double Score { get; init; }
        public string ModelVersion { get; init; } = "";
    }
}
