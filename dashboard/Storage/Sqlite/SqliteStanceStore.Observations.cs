using System.Text;
using Dapper;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>Reading scores as chart observations.</summary>
internal sealed partial class SqliteStanceStore
{
    public async Task<IReadOnlyList<StanceObservation>> ListObservationsAsync(StanceFilter filter, int limit, CancellationToken cancellationToken = default)
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
            // Text comparison is time comparison: timestamps are fixed-width ISO 8601 UTC.
            sql.Append(" AND p.published_utc >= @From");
            args.Add("From", UtcText.ToText(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        }

        // The last calendar day has no next day to stop before: no upper bound is then needed.
        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            sql.Append(" AND p.published_utc < @ToExclusive");
            args.Add("ToExclusive", UtcText.ToText(new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        }

        // The name columns are COLLATE NOCASE, so IN matches case-insensitively, as StanceFilter does.
        if (filter.Targets.Count > 0)
        {
            sql.Append(" AND t.name IN @Targets");
            args.Add("Targets", filter.Targets);
        }

        if (filter.Outlets.Count > 0)
        {
            sql.Append(" AND o.name IN @Outlets");
            args.Add("Outlets", filter.Outlets);
        }

        if (filter.Authors.Count > 0)
        {
            sql.Append(" AND a.name IN @Authors");
            args.Add("Authors", filter.Authors);
        }

        sql.Append(" ORDER BY s.piece_id, t.id, pa.position LIMIT @Limit");
        args.Add("Limit", (long)limit + 1);

        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ObservationRow>(new CommandDefinition(sql.ToString(), args, cancellationToken: cancellationToken));
        return rows.Select(r => new StanceObservation(
            r.PieceId,
            UtcText.ParseOrNull(r.PublishedUtc),
            r.Author,
            r.Outlet,
            r.Target,
            StanceText.TryParse(r.Stance, out var stance) ? stance : Stance.None,
            r.Score,
            r.ModelVersion)).ToArray();
    }

    // Dapper fills these by property name; constructor matching would break on NULL columns.
    private sealed class ObservationRow
    {
        public long PieceId { get; init; }
        public string? PublishedUtc { get; init; }
        public string? Author { get; init; }
        public string? Outlet { get; init; }
        public string Target { get; init; } = "";
        public string? Stance { get; init; }
        public double Score { get; init; }
        public string ModelVersion { get; init; } = "";
    }
}
