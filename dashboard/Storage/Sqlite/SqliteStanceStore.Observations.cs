using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>Reading scores as chart observations.</summary>
internal sealed partial class SqliteStanceStore
{
    public async Task<IReadOnlyList<StanceObservation>> ListObservationsAsync(StanceFilter filter, int limit, CancellationToken cancellationToken = default) =>
        (await ReadObservationsAsync(filter, limit, afterPieceId: 0, cancellationToken)).Observations;

    public Task<ObservationRead> ListObservationsSinceAsync(StanceFilter filter, long afterPieceId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPieceId);
        return ReadObservationsAsync(filter, limit, afterPieceId, cancellationToken);
    }

    private async Task<ObservationRead> ReadObservationsAsync(StanceFilter filter, int limit, long afterPieceId, CancellationToken cancellationToken)
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

        if (afterPieceId > 0)
        {
            sql.Append(" AND s.piece_id > @After");
            args.Add("After", afterPieceId);
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

        // One read transaction: the highest piece id is that of the very state the rows come from.
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var maxPieceId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COALESCE(MAX(id), 0) FROM pieces", transaction: transaction, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<ObservationRow>(new CommandDefinition(sql.ToString(), args, transaction, cancellationToken: cancellationToken));
        // Names repeat on thousands of rows: one string each, so cached snapshots hold a fraction of the memory.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var observations = rows.Select(r => new StanceObservation(
            r.PieceId,
            UtcText.ParseOrNull(r.PublishedUtc),
            Shared(names, r.Author),
            Shared(names, r.Outlet),
            Shared(names, r.Target)!,
            StanceText.TryParse(r.Stance, out var stance) ? stance : Stance.None,
            r.Score,
            Shared(names, r.ModelVersion)!)).ToArray();
        await transaction.CommitAsync(cancellationToken);
        return new ObservationRead(observations, maxPieceId, Complete: afterPieceId == 0);
    }

    private static string? Shared(Dictionary<string, string> names, string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (!names.TryGetValue(name, out var shared))
        {
            shared = name;
            names.Add(name, name);
        }

        return shared;
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
