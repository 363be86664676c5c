using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using StanceBoard.Ingestion;
using StanceBoard.Ingestion.Dedupe;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>Web sources, the fetch log, URL validators and SimHash fingerprints on PostgreSQL.</summary>
internal sealed class PostgresSourceStore(PostgresDatabase database, PostgresStanceStore pieces, TimeProvider time, ILogger<PostgresSourceStore> logger) : ISourceStore
{
    private const int SimHashBands = 8;

    public async Task<IReadOnlyList<StoredSource>> ListSourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PgSourceRow>($"SELECT {SourceText.Columns} FROM sources ORDER BY id");
        return [.. rows.Select(r => r.ToSource())];
    }

    public async Task<StoredSource?> GetSourceAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<PgSourceRow>($"SELECT {SourceText.Columns} FROM sources WHERE id = @id", new { id }))?.ToSource();
    }

    public async Task<StoredSource?> FindSourceByUrlAsync(string url, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<PgSourceRow>($"SELECT {SourceText.Columns} FROM sources WHERE url = @url", new { url }))?.ToSource();
    }

    public async Task<StoredSource?> AddSourceAsync(NewSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(
            """
            INSERT INTO sources (name, kind, url, outlet, poll_interval_seconds, enabled, origin, created_utc)
            VALUES (@Name, @Kind, @Url, @Outlet, @Interval, @Enabled, @Origin, @Created)
            ON CONFLICT DO NOTHING
            RETURNING id
            """,
            new
            {
                source.Name,
                Kind = SourceText.Kind(source.Kind),
                source.Url,
                source.Outlet,
                Interval = (int)source.PollInterval.TotalSeconds,
                source.Enabled,
                source.Origin,
                Created = time.GetUtcNow().UtcDateTime,
            });
        return id is { } created ? await GetSourceAsync(created, cancellationToken) : null;
    }

    public async Task<StoredSource?> UpdateSourceAsync(long id, SourcePatch patch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            """
            UPDATE sources SET
                name = COALESCE(@Name, name),
                kind = COALESCE(@Kind, kind),
                outlet = COALESCE(@Outlet, outlet),
                poll_interval_seconds = COALESCE(@Interval, poll_interval_seconds),
                enabled = COALESCE(@Enabled, enabled),
                next_poll_utc = CASE WHEN @Enabled AND NOT enabled THEN NULL ELSE next_poll_utc END
            WHERE id = @id
            """,
            new
            {
                id,
                patch.Name,
                Kind = patch.Kind is { } k ? SourceText.Kind(k) : null,
                patch.Outlet,
                Interval = patch.PollInterval is { } p ? (int?)p.TotalSeconds : null,
                patch.Enabled,
            });
        return changed == 0 ? null : await GetSourceAsync(id, cancellationToken);
    }

    public async Task<bool> DeleteSourceAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM sources WHERE id = @id", new { id }) > 0;
    }

    public async Task<IReadOnlyList<StoredSource>> ListDueSourcesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PgSourceRow>(
            $"""
            SELECT {SourceText.Columns} FROM sources
            WHERE enabled AND url IS NOT NULL AND (next_poll_utc IS NULL OR next_poll_utc <= @now)
            ORDER BY next_poll_utc NULLS FIRST, id
            LIMIT @limit
            """,
            new { now = now.UtcDateTime, limit });
        return [.. rows.Select(r => r.ToSource())];
    }

    public async Task ScheduleAsync(long id, DateTimeOffset nextPoll, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE sources SET next_poll_utc = @next, lease_owner = NULL, lease_until = NULL WHERE id = @id",
            new { id, next = nextPoll.UtcDateTime });
    }

    public async Task RecordPollAsync(long id, SourceHealth health, DateTimeOffset nextPoll, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(health);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE sources SET
                next_poll_utc = @Next, last_attempt_utc = @Attempt, last_success_utc = @Success, last_error_utc = @Failure,
                last_error = @Error, last_error_kind = @Kind, consecutive_failures = @Failures, circuit_state = @Circuit,
                lease_owner = NULL, lease_until = NULL
            WHERE id = @id
            """,
            new
            {
                id,
                Next = nextPoll.UtcDateTime,
                Attempt = PgTime.ToDb(health.LastAttempt),
                Success = PgTime.ToDb(health.LastSuccess),
                Failure = PgTime.ToDb(health.LastFailure),
                Error = health.LastError,
                Kind = health.LastErrorKind?.ToString(),
                Failures = health.ConsecutiveFailures,
                Circuit = SourceText.Circuit(health.Circuit),
            });
    }

    public async Task AddFetchLogAsync(FetchLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenAsync(cancellationToken);
        var sourceId = long.TryParse(entry.SourceId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        await connection.ExecuteAsync(
            """
            INSERT INTO fetch_log (source_id, url, final_url, started_utc, status, bytes, elapsed_ms, attempts, error_kind, error)
            SELECT @SourceId, @Url, @FinalUrl, @Started, @Status, @Bytes, @Elapsed, @Attempts, @Kind, @Error
            WHERE @SourceId::bigint IS NULL OR EXISTS (SELECT 1 FROM sources WHERE id = @SourceId::bigint)
            """,
            new
            {
                SourceId = sourceId,
                entry.Url,
                entry.FinalUrl,
                Started = entry.StartedAt.UtcDateTime,
                Status = entry.Status is { } s ? (int?)s : null,
                entry.Bytes,
                Elapsed = (long)entry.Elapsed.TotalMilliseconds,
                entry.Attempts,
                Kind = entry.ErrorKind.ToString(),
                entry.Error,
            });
    }

    public async Task<IReadOnlyList<FetchLogRecord>> ListFetchLogAsync(long sourceId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FetchLogRow>(
            """
            SELECT id, source_id AS SourceId, url, final_url AS FinalUrl, started_utc AS StartedUtc, status, bytes, elapsed_ms AS ElapsedMs,
                   attempts, error_kind AS ErrorKind, error
            FROM fetch_log WHERE source_id = @sourceId ORDER BY started_utc DESC, id DESC LIMIT @limit
            """,
            new { sourceId, limit = Math.Clamp(limit, 1, 1000) });
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<HttpValidators?> GetValidatorsAsync(string url, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ValidatorRow>(
            "SELECT etag AS ETag, last_modified_utc AS LastModified FROM url_validators WHERE url = @url", new { url });
        return row is null ? null : new HttpValidators(row.ETag, PgTime.FromDb(row.LastModified));
    }

    public async Task SetValidatorsAsync(string url, HttpValidators? validators, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (validators is null || validators.IsEmpty)
        {
            await connection.ExecuteAsync("DELETE FROM url_validators WHERE url = @url", new { url });
            return;
        }

        await connection.ExecuteAsync(
            """
            INSERT INTO url_validators (url, etag, last_modified_utc, updated_utc) VALUES (@url, @ETag, @Modified, @Now)
            ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified_utc = EXCLUDED.last_modified_utc, updated_utc = EXCLUDED.updated_utc
            """,
            new { url, validators.ETag, Modified = PgTime.ToDb(validators.LastModified), Now = time.GetUtcNow().UtcDateTime });
    }

    public async Task<long?> FindPieceIdByUrlAsync(string url, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<long?>("SELECT id FROM pieces WHERE url = @url", new { url });
    }

    public async Task<(long PieceId, bool Exact)?> FindContentAsync(string contentHash, ulong simHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.QueryFirstOrDefaultAsync<long?>("SELECT id FROM pieces WHERE content_hash = @contentHash", new { contentHash }) is { } exact)
        {
            return (exact, true);
        }

        if (simHash == 0)
        {
            return null;
        }

        // Any two fingerprints within 7 bits share one of 8 byte-wide bands exactly: look up by band, then compare.
        var candidates = await connection.QueryAsync<(long Id, long Hash)>(
            """
            SELECT DISTINCT p.id, p.simhash FROM simhash_bands b JOIN pieces p ON p.id = b.piece_id
            WHERE p.duplicate_of IS NULL AND p.simhash IS NOT NULL AND (b.band, b.value) IN (
                (0, @b0), (1, @b1), (2, @b2), (3, @b3), (4, @b4), (5, @b5), (6, @b6), (7, @b7))
            LIMIT 5000
            """,
            BandParameters(simHash));
        var best = candidates
            .Select(c => (c.Id, Distance: SimHash.Distance(simHash, unchecked((ulong)c.Hash))))
            .Where(c => c.Distance <= SimHash.NearDuplicateDistance)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Id)
            .FirstOrDefault();
        return best.Id == 0 ? null : (best.Id, false);
    }

    public async Task SetPieceFingerprintAsync(long pieceId, long? sourceId, ulong simHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE pieces SET simhash = @hash,
                source_id = CASE WHEN @sourceId::bigint IS NOT NULL AND EXISTS (SELECT 1 FROM sources WHERE id = @sourceId::bigint) THEN @sourceId::bigint ELSE source_id END
            WHERE id = @pieceId
            """,
            new { pieceId, sourceId, hash = unchecked((long)simHash) },
            transaction);
        if (simHash != 0)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO simhash_bands (band, value, piece_id)
                SELECT band, value, @pieceId FROM unnest(@bands, @values) AS b(band, value)
                ON CONFLICT DO NOTHING
                """,
                new
                {
                    pieceId,
                    bands = Enumerable.Range(0, SimHashBands).Select(b => (short)b).ToArray(),
                    values = Enumerable.Range(0, SimHashBands).Select(b => (short)((simHash >> (b * 8)) & 0xFF)).ToArray(),
                },
                transaction);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> AddLinkedCopyAsync(Piece piece, long duplicateOf, long? sourceId, ulong simHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(piece);
        return await PgRetry.OnConflictAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var id = await pieces.InsertPieceRowAsync(connection, transaction, piece, isDemo: false, sourceId, duplicateOf);
            if (id is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return await PostgresStanceStore.FindDuplicateAsync(connection, null, piece) ?? throw new InvalidOperationException("A conflicting piece vanished.");
            }

            await connection.ExecuteAsync("UPDATE pieces SET simhash = @hash WHERE id = @id", new { id, hash = unchecked((long)simHash) }, transaction);
            await transaction.CommitAsync(cancellationToken);
            return id.Value;
        }, logger, cancellationToken);
    }

    private static DynamicParameters BandParameters(ulong simHash)
    {
        var parameters = new DynamicParameters();
        for (var band = 0; band < SimHashBands; band++)
        {
            parameters.Add($"b{band}", (short)((simHash >> (band * 8)) & 0xFF));
        }

        return parameters;
    }

    private sealed class ValidatorRow
    {
        public string? ETag { get; init; }

        public DateTime? LastModified { get; init; }
    }

    private sealed class FetchLogRow
    {
        public long Id { get; init; }

        public long? SourceId { get; init; }

        public string Url { get; init; } = string.Empty;

        public string? FinalUrl { get; init; }

        public DateTime StartedUtc { get; init; }

        public int? Status { get; init; }

        public long? Bytes { get; init; }

        public long? ElapsedMs { get; init; }

        public int? Attempts { get; init; }

        public string? ErrorKind { get; init; }

        public string? Error { get; init; }

        public FetchLogRecord ToRecord() => new(
            Id,
            SourceId,
            Url,
            FinalUrl,
            PgTime.FromDb(StartedUtc),
            Status,
            Bytes,
            ElapsedMs,
            Attempts,
            Enum.TryParse<FetchErrorKind>(ErrorKind, out var kind) ? kind : FetchErrorKind.None,
            Error);
    }
}
