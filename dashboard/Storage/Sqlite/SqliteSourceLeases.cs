using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>
/// Source leases on the embedded store, without a schema change: leasing a due source moves its
/// next poll to the lease's expiry in one write transaction (SQLite runs one writer at a time), so
/// no other poller on the file sees it due until the poll is recorded or the lease runs out.
/// </summary>
internal sealed class SqliteSourceLeases(IOptions<StorageOptions> options, ISourceStore sources) : ISourceLeases
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.Value.Database),
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public async Task<IReadOnlyList<LeasedSource>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan duration, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA busy_timeout=10000;");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var due = (await connection.QueryAsync<(long Id, string? NextPoll)>(
            """
            SELECT id, next_poll_utc FROM sources
            WHERE enabled = 1 AND url IS NOT NULL AND (next_poll_utc IS NULL OR next_poll_utc <= @now)
            ORDER BY next_poll_utc IS NOT NULL, next_poll_utc, id
            LIMIT @limit
            """,
            new { now = UtcText.ToText(now), limit },
            transaction)).ToArray();
        if (due.Length == 0)
        {
            return [];
        }

        var ids = due.Select(d => d.Id).ToArray();
        await connection.ExecuteAsync(
            "UPDATE sources SET next_poll_utc = @until WHERE id IN @ids",
            new { ids, until = UtcText.ToText(now + duration) },
            transaction);
        await transaction.CommitAsync(cancellationToken);

        // Handed out as they were before the lease moved their next poll (a new source still has none).
        var leased = new List<LeasedSource>(due.Length);
        foreach (var (id, nextPoll) in due)
        {
            if (await sources.GetSourceAsync(id, cancellationToken) is { } source)
            {
                leased.Add(new LeasedSource(source with { NextPollUtc = UtcText.ParseOrNull(nextPoll) }, null));
            }
        }

        return leased;
    }

    public async Task<int> RenewAsync(string owner, IReadOnlyCollection<long> ids, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("UPDATE sources SET next_poll_utc = @until WHERE id IN @ids", new { ids, until = UtcText.ToText(until) });
    }

    public async Task ReleaseAsync(string owner, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE sources SET next_poll_utc = NULL WHERE id IN @ids AND last_attempt_utc IS NOT NULL", new { ids });
    }
}
