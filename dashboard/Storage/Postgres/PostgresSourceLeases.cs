using Dapper;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>
/// Source leases with <c>FOR UPDATE SKIP LOCKED</c>: concurrent pollers each lock different due
/// rows without waiting on one another, and write their name and an expiry on them. A row whose
/// lease expired unreleased is due again, and whoever leases it next takes it over.
/// </summary>
internal sealed class PostgresSourceLeases(PostgresDatabase database) : ISourceLeases
{
    public async Task<IReadOnlyList<LeasedSource>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan duration, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (limit <= 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LeaseRow>(new CommandDefinition(
            $"""
            WITH due AS (
                SELECT id AS due_id, lease_owner AS previous_owner FROM sources
                WHERE enabled AND url IS NOT NULL
                  AND (next_poll_utc IS NULL OR next_poll_utc <= @now)
                  AND (lease_until IS NULL OR lease_until <= @now)
                ORDER BY next_poll_utc NULLS FIRST, id
                LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            UPDATE sources SET lease_owner = @owner, lease_until = @until
            FROM due WHERE sources.id = due.due_id
            RETURNING {SourceText.Columns}, due.previous_owner AS PreviousOwner
            """,
            new { owner, now = now.UtcDateTime, until = (now + duration).UtcDateTime, limit },
            cancellationToken: cancellationToken));
        return [.. rows.OrderBy(r => r.NextPollUtc ?? DateTime.MinValue).ThenBy(r => r.Id).Select(r => new LeasedSource(r.ToSource(), r.PreviousOwner == owner ? null : r.PreviousOwner))];
    }

    public async Task<int> RenewAsync(string owner, IReadOnlyCollection<long> ids, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE sources SET lease_until = @until WHERE id = ANY(@ids) AND lease_owner = @owner",
            new { owner, ids = ids.ToArray(), until = until.UtcDateTime });
    }

    public async Task ReleaseAsync(string owner, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE sources SET lease_owner = NULL, lease_until = NULL WHERE id = ANY(@ids) AND lease_owner = @owner",
            new { owner, ids = ids.ToArray() });
    }

    /// <summary>A leased <c>sources</c> row and the owner whose lease it took over, if any.</summary>
    private sealed class LeaseRow : PgSourceRow
    {
        public string? PreviousOwner { get; init; }
    }
}
