using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using StanceBoard.Ingestion;
using StanceBoard.Ingestion.Dedupe;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>
/// Web sources, the fetch log, URL validators and SimHash fingerprints in the SQLite file (its
/// own class: the piece store and the source store share the file and its connections, not a type).
/// </summary>
internal sealed class SqliteSourceStore(SqliteStanceStore pieces, TimeProvider time) : ISourceStore
{
    private const int SimHashBands = 8;

    public async Task<IReadOnlyList<StoredSource>> ListSourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await pieces.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SourceRow>($"SELECT {SourceText.Columns} FROM sources ORDER BY id");
        return [.. rows.Select(r => r.ToSource())];
    }

    public async Task<StoredSource?> GetSourceAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await pieces.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<SourceRow>($"SELECT {SourceText.Columns} FROM sources WHERE id = @id", new { id }))?.ToSource();
    }

    public async Task<StoredSource?> FindSourceByUrlAsync(string url, CancellationToken cancellationToken = default)
    {
        await using var connection = await pieces.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<SourceRow>($"SELECT {SourceText.Columns} FROM sources WHERE url = @url", new { url }))?.ToSource();
    }

    public async Task<StoredSource?> AddSourceAsync(NewSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await pieces.OpenAsync(cancellationToken);
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
                Interval = (long)source.PollInterval.TotalSeconds,
                Enabled = source.Enabled ? 1 : 0,
                source.Origin,
                Created = UtcText.ToText(time.GetUtcNow()),
            });
        return id is { } created ? await GetSourceAsync(created, cancellationToken) : null;
    }

    public async Task<StoredSource?> UpdateSourceAsync(long id, SourcePatch patch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        await using var connection = await pieces.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            """
            UPDATE sources SET
                name = COALESCE(@Name, name),
                kind = COALESCE(@Kind, kind),
                outlet = COALESCE(@Outlet, outlet),
                poll_interval_seconds = COALESCE(@Interval, poll_interval_seconds),
                enabled = COALESCE(@Enabled, enabled),
                next_poll_utc = CASE WHEN @Enabled = 1 AND enabled = 0 THEN NULL ELSE next_poll_utc END
            WHERE id = @id
            """,
            new
            {
                id,
                patch.Name,
                Kind = patch.Kind is { } k ? SourceText.Kind(k) : null,
                patch.Outlet,
                Interval = patch.PollInterval is { } p ? (long?)p.TotalSeconds : null,
                Enabled = patch.Enabled is { } e ? (int?)(e ? 1 : 0) : null,
            });
        return changed == 0 ? null : await GetSourceAsync(id, cancellationToken);
    }

    public async Task<bool> DeleteSourceAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await pieces.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM sources WHERE id = @id", new { id }) > 0;
    }

    public async Task<IReadOnlyList<StoredSource>> ListDueSourcesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await pieces.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SourceRow>(
            $"""
            SELECT {SourceText.Columns} FROM sources
            WHERE enabled = 1 AND url IS NOT NULL AND (next_poll_utc IS NULL OR next_poll_utc <= @now)
            ORDER BY next_poll_utc IS NOT NULL, next_poll_utc, id
            LIMIT @limit
            """,
            new { now = UtcText.ToText(now), limit });
        return [.. rows.Select(r => r.ToSource())];
    }

    public async Task ScheduleAsync(long id, DateTimeOffset nextPoll, CancellationToken cancellationToken = default)
    {
        await using var connection = await pieces.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE sources SET next_poll_utc = @next WHERE id = @id", new { id, next = UtcText.ToText(nextPoll) });
    }

    public async Task RecordPollAsync(long id, SourceHealth health, DateTimeOffset nextPoll, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(health);
        await using var connection = await pieces.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE sources SET
                next_poll_utc = @Next, last_attempt_utc = @Attempt, last_success_utc = @Success, last_error_utc = @Failure,
                last_error = @Error, last_error_kind = @Kind, consecutive_failures = @Failures, circuit_state = @Circuit
            WHERE id = @id
            """,
            new
            {
                id,
                Next = UtcText.ToText(nextPoll),
                Attempt = UtcText.ToText(health.LastAttempt),
                Success = UtcText.ToText(health.LastSuccess),
                Failure = UtcText.ToText(health.LastFailure),
                Error = health.LastError,
                Kind = health.LastErrorKind?.ToString(),
                Failures = health.ConsecutiveFailures,
                Circuit = SourceText.Circuit(health.Circuit),
            });
    }

    public async Task AddFetchLogAsync(FetchLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await pieces.OpenAsync(cancellationToken);
        var sourceId = long.TryParse(entry.SourceId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        await connection.ExecuteAsync(
            """
            INSERT INTO fetch_log (source_id, url, final_url, started_utc, status, bytes, elapsed_ms, attempts, error_kind, error)
            SELECT @SourceId, @Url, @FinalUrl, @Started, @Status, @Bytes, @Elapsed, @Attempts, @Kind, @Error
            WHERE @SourceId IS NULL OR EXISTS (SELECT 1 FROM sources WHERE id = @SourceId)
            """,
            new
            {
                SourceId = sourceId,
                entry.Url,
                entry.FinalUrl,
                Started = UtcText.ToText(entry.StartedAt),
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
        await using var connection = await pieces.OpenAsync(cancellationToken);
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
        await using var connection = await pieces.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ValidatorRow>(
            "SELECT etag AS ETag, last_modified_utc AS LastModified FROM url_validators WHERE url = @url", new { url });
        return row is null ? null : new HttpValidators(row.ETag, UtcText.ParseOrNull(row.LastModified));
    }

    public async Task SetValidatorsAsync(string url, HttpValidators? validators, CancellationToken cancellationToken = default)
    {
        await using var connection = await pieces.OpenAsync(cancellationToken);
        if (validators is null || validators.IsEmpty)
        {
            await connection.ExecuteAsync("DELETE FROM url_validators WHERE url = @url", new { url });
            return;
        }

        await connection.ExecuteAsync(
            """
            INSERT INTO url_validators (url, etag, last_modified_utc, updated_utc) VALUES (@url, @ETag, @Modified, @Now)
            ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified_utc = excluded.last_modified_utc, updated_utc = excluded.updated_utc
            """,
            new { url, validators.ETag, Modified = UtcText.ToText(validators.LastModified), Now = UtcText.ToText(time.GetUtcNow()) });
    }

    public async Task<long?> FindPieceIdByUrlAsync(string url, CancellationToken cancellationToken = default)
    {
        await using var connection = await pieces.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<long?>("SELECT id FROM pieces WHERE url = @url", new { url });
    }

    public async Task<(long PieceId, bool Exact)?> FindContentAsync(string contentHash, ulong simHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await pieces.OpenAsync(cancellationToken);
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
            WHERE p.duplicate_of IS NULL AND p.simhash IS NOT NULL AND (
                (b.band = 0 AND b.value = @b0) OR (b.band = 1 AND b.value = @b1) OR (b.band = 2 AND b.value = @b2) OR (b.band = 3 AND b.value = @b3) OR
                (b.band = 4 AND b.value = @b4) OR (b.band = 5 AND b.value = @b5) OR (b.band = 6 AND b.value = @b6) OR (b.band = 7 AND b.value = @b7))
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
        await using var connection = await pieces.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await WriteFingerprintAsync(connection, transaction, pieceId, sourceId, simHash);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> AddLinkedCopyAsync(Piece piece, long duplicateOf, long? sourceId, ulong simHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(piece);
        await using var connection = await pieces.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        if (await SqliteStanceStore.FindDuplicateAsync(connection, transaction, piece) is { } existing)
        {
            return existing;
        }

        var id = await pieces.InsertPieceRowAsync(connection, transaction, piece, isDemo: false, sourceId, duplicateOf);
        await connection.ExecuteAsync("UPDATE pieces SET simhash = @hash WHERE id = @id", new { id, hash = unchecked((long)simHash) }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    private static async Task WriteFingerprintAsync(SqliteConnection connection, SqliteTransaction transaction, long pieceId, long? sourceId, ulong simHash)
    {
        await connection.ExecuteAsync(
            """
            UPDATE pieces SET simhash = @hash,
                source_id = CASE WHEN @sourceId IS NOT NULL AND EXISTS (SELECT 1 FROM sources WHERE id = @sourceId) THEN @sourceId ELSE source_id END
            WHERE id = @pieceId
            """,
            new { pieceId, sourceId, hash = unchecked((long)simHash) },
            transaction);
        if (simHash == 0)
        {
            return;
        }

        for (var band = 0; band < SimHashBands; band++)
        {
            await connection.ExecuteAsync(
                "INSERT OR IGNORE INTO simhash_bands (band, value, piece_id) VALUES (@band, @value, @pieceId)",
                new { band, value = (int)((simHash >> (band * 8)) & 0xFF), pieceId },
                transaction);
        }
    }

    private static DynamicParameters BandParameters(ulong simHash)
    {
        var parameters = new DynamicParameters();
        for (var band = 0; band < SimHashBands; band++)
        {
            parameters.Add($"b{band}", (int)((simHash >> (band * 8)) & 0xFF));
        }

        return parameters;
    }

    private sealed class SourceRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public string? Url { get; init; }

        public string Kind { get; init; } = "auto";

        public string? Outlet { get; init; }

        public long PollIntervalSeconds { get; init; }

        public long Enabled { get; init; }

        public string Origin { get; init; } = "user";

        public string CreatedUtc { get; init; } = string.Empty;

        public string? NextPollUtc { get; init; }

        public string? LastAttemptUtc { get; init; }

        public string? LastSuccessUtc { get; init; }

        public string? LastErrorUtc { get; init; }

        public string? LastError { get; init; }

        public string? LastErrorKind { get; init; }

        public long ConsecutiveFailures { get; init; }

        public string CircuitState { get; init; } = "closed";

        public StoredSource ToSource() => new()
        {
            Id = Id,
            Name = Name,
            Url = Url ?? string.Empty,
            Kind = Enum.TryParse<SourceKind>(Kind, ignoreCase: true, out var kind) ? kind : SourceKind.Auto,
            Outlet = Outlet,
            PollInterval = TimeSpan.FromSeconds(PollIntervalSeconds),
            Enabled = Enabled != 0,
            Origin = Origin,
            CreatedUtc = UtcText.Parse(CreatedUtc),
            NextPollUtc = UtcText.ParseOrNull(NextPollUtc),
            Health = new SourceHealth
            {
                LastAttempt = UtcText.ParseOrNull(LastAttemptUtc),
                LastSuccess = UtcText.ParseOrNull(LastSuccessUtc),
                LastFailure = UtcText.ParseOrNull(LastErrorUtc),
                LastError = LastError,
                LastErrorKind = Enum.TryParse<FetchErrorKind>(LastErrorKind, out var errorKind) ? errorKind : null,
                ConsecutiveFailures = (int)ConsecutiveFailures,
                Circuit = CircuitState switch
                {
                    "open" => HostCircuitState.Open,
                    "half-open" => HostCircuitState.HalfOpen,
                    _ => HostCircuitState.Closed,
                },
            },
        };
    }

    private sealed class ValidatorRow
    {
        public string? ETag { get; init; }

        public string? LastModified { get; init; }
    }

    private sealed class FetchLogRow
    {
        public long Id { get; init; }

        public long? SourceId { get; init; }

        public string Url { get; init; } = string.Empty;

        public string? FinalUrl { get; init; }

        public string StartedUtc { get; init; } = string.Empty;

        public long? Status { get; init; }

        public long? Bytes { get; init; }

        public long? ElapsedMs { get; init; }

        public long? Attempts { get; init; }

        public string? ErrorKind { get; init; }

        public string? Error { get; init; }

        public FetchLogRecord ToRecord() => new(
            Id,
            SourceId,
            Url,
            FinalUrl,
            UtcText.Parse(StartedUtc),
            Status is { } s ? (int)s : null,
            Bytes,
            ElapsedMs,
            Attempts is { } a ? (int)a : null,
            Enum.TryParse<FetchErrorKind>(ErrorKind, out var kind) ? kind : FetchErrorKind.None,
            Error);
    }
}
