using System.Globalization;
using Dapper;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>
/// Re-scoring chunks as rows of <c>rescore_chunks</c> (migration 2). A run's key — stored in the
/// <c>version</c> column — is the model version and the id of its latest promotion, so promoting a
/// version again (or rolling back to it) re-scores again, while processes joining the same
/// promotion share one plan. The plan is made once, under a transaction-scoped advisory lock;
/// chunks are leased with <c>FOR UPDATE SKIP LOCKED</c> and a lease expiry, and completed in one
/// transaction with the scores, only by the process that still holds the lease. Planning a new run
/// drops the chunks of earlier ones.
/// </summary>
internal sealed class PostgresRescoreChunks(PostgresDatabase database, PostgresStanceStore store, ILogger<PostgresRescoreChunks> logger) : IRescoreChunks
{
    private const long PlanLock = 0x5354_4252_5343; // "STBRSC": serialises planning, never held across a chunk

    public async Task<RescoreRun> StartAsync(string version, int chunkSize, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = PlanLock }, transaction);
        var promotion = await connection.ExecuteScalarAsync<long?>(
            "SELECT MAX(p.id) FROM model_promotions p JOIN model_versions v ON v.id = p.model_version_id WHERE v.version = @version",
            new { version },
            transaction) ?? 0;
        var run = new RescoreRun(string.Create(CultureInfo.InvariantCulture, $"{version}#{promotion}"), version);
        var planned = await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM rescore_chunks WHERE version = @key)", new { key = run.Key }, transaction);
        if (!planned)
        {
            // Earlier runs are over (superseded): dropping their chunks keeps a process still scoring
            // with an older model from committing over the new scores (its completion finds no row).
            await connection.ExecuteAsync("DELETE FROM rescore_chunks WHERE version <> @key", new { key = run.Key }, transaction);
            await connection.ExecuteAsync(
                """
                INSERT INTO rescore_chunks (version, first_id, last_id, pieces)
                SELECT @key, MIN(id), MAX(id), COUNT(*)
                FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / @size AS chunk FROM pieces WHERE duplicate_of IS NULL) numbered
                GROUP BY chunk
                """,
                new { key = run.Key, size = (long)chunkSize },
                transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    public async Task<RescoreChunk?> LeaseAsync(RescoreRun run, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ChunkRow>(new CommandDefinition(
            """
            WITH next AS (
                SELECT version AS run, first_id AS chunk, lease_owner AS previous_owner FROM rescore_chunks
                WHERE version = @key AND done_utc IS NULL AND (lease_until IS NULL OR lease_until <= @now)
                ORDER BY first_id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            UPDATE rescore_chunks c SET lease_owner = @owner, lease_until = @until
            FROM next WHERE c.version = next.run AND c.first_id = next.chunk
            RETURNING c.first_id AS FirstId, c.last_id AS LastId, c.pieces AS Pieces, next.previous_owner AS PreviousOwner
            """,
            new { key = run.Key, owner, now = now.UtcDateTime, until = (now + duration).UtcDateTime },
            cancellationToken: cancellationToken));
        return row is null ? null : new RescoreChunk(row.FirstId, row.LastId, row.Pieces, row.PreviousOwner == owner ? null : row.PreviousOwner);
    }

    public Task<bool> CompleteAsync(RescoreRun run, RescoreChunk chunk, string owner, IReadOnlyList<RescoredPiece> pieces, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(pieces);
        return PgRetry.OnConflictAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var held = await connection.ExecuteScalarAsync<bool>(
                """
                SELECT EXISTS (SELECT 1 FROM rescore_chunks
                               WHERE version = @key AND first_id = @first AND lease_owner = @owner AND done_utc IS NULL
                               FOR UPDATE)
                """,
                new { key = run.Key, first = chunk.FirstId, owner },
                transaction);
            if (!held)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await store.ReplaceScoresAsync(connection, transaction, pieces);
            await connection.ExecuteAsync(
                "UPDATE rescore_chunks SET done_utc = @now, lease_until = NULL WHERE version = @key AND first_id = @first",
                new { key = run.Key, first = chunk.FirstId, now = now.UtcDateTime },
                transaction);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, logger, cancellationToken);
    }

    public async Task ReleaseAsync(RescoreRun run, RescoreChunk chunk, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(chunk);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE rescore_chunks SET lease_owner = NULL, lease_until = NULL WHERE version = @key AND first_id = @first AND lease_owner = @owner AND done_utc IS NULL",
            new { key = run.Key, first = chunk.FirstId, owner });
    }

    public async Task<RescoreTally> TallyAsync(RescoreRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await database.OpenAsync(cancellationToken);
        var tally = await connection.QuerySingleAsync<(long Done, long Total, long Open)>(
            """
            SELECT COALESCE(SUM(pieces) FILTER (WHERE done_utc IS NOT NULL), 0)::bigint,
                   COALESCE(SUM(pieces), 0)::bigint,
                   COUNT(*) FILTER (WHERE done_utc IS NULL)
            FROM rescore_chunks WHERE version = @key
            """,
            new { key = run.Key });
        return new RescoreTally(tally.Done, tally.Total, (int)tally.Open);
    }

    private sealed class ChunkRow
    {
        public long FirstId { get; init; }
        public long LastId { get; init; }
        public int Pieces { get; init; }
        public string? PreviousOwner { get; init; }
    }
}
