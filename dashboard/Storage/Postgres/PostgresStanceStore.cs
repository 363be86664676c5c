using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Analysis.Targets;
using StanceBoard.Ingestion;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>
/// The shared store on PostgreSQL: pieces, scores, targets, settings and API keys. Unique keys
/// (content hash, canonical URL) keep a piece stored once however many workers insert it at the
/// same time; a stored piece is announced on <see cref="PostgresChannels.Pieces"/> when its
/// transaction commits.
/// </summary>
internal sealed partial class PostgresStanceStore(
    PostgresDatabase database,
    PostgresMigrator migrator,
    StoreInstance instance,
    TimeProvider time,
    ILogger<PostgresStanceStore> logger) : IStanceStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task MigrateAsync(CancellationToken cancellationToken = default) => migrator.MigrateAsync(cancellationToken);

    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
            var pieces = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pieces");
            return new StoreHealth(true, "postgres", version, pieces, null);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return new StoreHealth(false, "postgres", 0, 0, $"PostgreSQL ({database.Description}): {ex.Message}");
        }
    }

    public async Task SyncTargetsAsync(IEnumerable<TargetDefinition> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var target in targets.OrderBy(t => t.Name.ToLowerInvariant(), StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO targets (name, aliases_json) VALUES (@Name, @Aliases)
                ON CONFLICT ((lower(name))) DO UPDATE SET aliases_json = EXCLUDED.aliases_json
                WHERE targets.aliases_json IS DISTINCT FROM EXCLUDED.aliases_json
                """,
                new { target.Name, Aliases = JsonSerializer.Serialize(target.Aliases, Json) },
                transaction);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long?> FindDuplicateAsync(Piece piece, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(piece);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindDuplicateAsync(connection, null, piece);
    }

    public async Task<AddPieceResult> AddScoredPieceAsync(Piece piece, IReadOnlyList<TargetScore> scores, bool isDemo = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(piece);
        ArgumentNullException.ThrowIfNull(scores);
        return await PgRetry.OnConflictAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var id = await InsertPieceRowAsync(connection, transaction, piece, isDemo, sourceId: null, duplicateOf: null);
            if (id is null)
            {
                // Another writer stored the same text or URL first (the unique keys decided).
                await transaction.RollbackAsync(cancellationToken);
                return new AddPieceResult(await FindDuplicateAsync(connection, null, piece) ?? throw new InvalidOperationException("A conflicting piece vanished."), false);
            }

            var authors = piece.Authors.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var authorIds = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);

            // Upserted in one order everywhere, so two writers never wait on each other crosswise.
            foreach (var author in authors.OrderBy(a => a.ToLowerInvariant(), StringComparer.Ordinal))
            {
                authorIds[author] = await UpsertNameAsync(connection, transaction, "authors", author);
            }

            for (var position = 0; position < authors.Count; position++)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO piece_authors (piece_id, author_id, position) VALUES (@id, @authorId, @position) ON CONFLICT DO NOTHING",
                    new { id, authorId = authorIds[authors[position]], position },
                    transaction);
            }

            await InsertScoresAsync(connection, transaction, id.Value, scores);
            await connection.ExecuteAsync("SELECT pg_notify(@channel, @payload)", new { channel = PostgresChannels.Pieces, payload = PostgresChannels.Payload(id.Value, instance.Id) }, transaction);
            await transaction.CommitAsync(cancellationToken);
            return new AddPieceResult(id.Value, true);
        }, logger, cancellationToken);
    }

    /// <summary>Inserts the piece row (its outlet upserted); <see langword="null"/> when its hash or URL is already stored.</summary>
    internal async Task<long?> InsertPieceRowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Piece piece, bool isDemo, long? sourceId, long? duplicateOf)
    {
        long? outletId = piece.Outlet is { Length: > 0 } outlet && outlet.Trim().Length > 0 ? await UpsertNameAsync(connection, transaction, "outlets", outlet.Trim()) : null;
        return await connection.ExecuteScalarAsync<long?>(
            """
            INSERT INTO pieces (title, body, url, outlet_id, published_utc, language, content_hash, origin, is_demo, source_id, duplicate_of, ingested_utc)
            VALUES (@Title, @Body, @Url, @OutletId, @Published, @Language, @Hash, @Origin, @IsDemo, (SELECT id FROM sources WHERE id = @SourceId), @DuplicateOf, @Ingested)
            ON CONFLICT DO NOTHING
            RETURNING id
            """,
            new
            {
                piece.Title,
                Body = piece.Text,
                piece.Url,
                OutletId = outletId,
                Published = PgTime.ToDb(piece.Published),
                piece.Language,
                Hash = piece.ContentHash,
                piece.Origin,
                IsDemo = isDemo,
                SourceId = sourceId,
                DuplicateOf = duplicateOf,
                Ingested = time.GetUtcNow().UtcDateTime,
            },
            transaction);
    }

    public async Task ReplaceScoresAsync(long pieceId, IReadOnlyList<TargetScore> scores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        await PgRetry.OnConflictAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync("DELETE FROM scores WHERE piece_id = @pieceId", new { pieceId }, transaction);
            await InsertScoresAsync(connection, transaction, pieceId, scores);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, logger, cancellationToken);
    }

    /// <summary>
    /// Replaces the scores of those of <paramref name="rescored"/> still stored, inside the caller's
    /// transaction (a re-scoring chunk commits its scores with its "done" mark); returns how many.
    /// </summary>
    internal async Task<int> ReplaceScoresAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RescoredPiece> rescored)
    {
        var ids = rescored.Select(p => p.PieceId).ToArray();
        var present = (await connection.QueryAsync<long>("SELECT id FROM pieces WHERE id = ANY(@ids) FOR SHARE", new { ids }, transaction)).ToHashSet();
        await connection.ExecuteAsync("DELETE FROM scores WHERE piece_id = ANY(@ids)", new { ids }, transaction);
        foreach (var piece in rescored.Where(p => present.Contains(p.PieceId)))
        {
            await InsertScoresAsync(connection, transaction, piece.PieceId, piece.Scores);
        }

        return present.Count;
    }

    public async Task<StoredPiece?> GetPieceAsync(long id, CancellationToken cancellationToken = default)
    {
        var pieces = await QueryPiecesAsync("WHERE p.id = @id", new { id }, cancellationToken);
        return pieces.Count == 0 ? null : pieces[0];
    }

    public Task<IReadOnlyList<StoredPiece>> ListPiecesAsync(PieceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string>();
        var args = new DynamicParameters();
        if (query.BeforeId is { } before)
        {
            where.Add("p.id < @before");
            args.Add("before", before);
        }

        if (query.AfterId is { } after)
        {
            where.Add("p.id > @after");
            args.Add("after", after);
        }

        if (!query.IncludeCopies)
        {
            where.Add("p.duplicate_of IS NULL");
        }

        if (query.From is { } from)
        {
            where.Add("p.published_utc >= @from");
            args.Add("from", PgTime.ToDb(from));
        }

        if (query.To is { } to)
        {
            where.Add("p.published_utc < @to");
            args.Add("to", PgTime.ToDb(to));
        }

        if (query.Authors.Count > 0)
        {
            where.Add("EXISTS (SELECT 1 FROM piece_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.piece_id = p.id AND lower(a.name) = ANY(@authors))");
            args.Add("authors", Lower(query.Authors));
        }

        if (query.Outlets.Count > 0)
        {
            where.Add("lower(o.name) = ANY(@outlets)");
            args.Add("outlets", Lower(query.Outlets));
        }

        if (query.Targets.Count > 0)
        {
            where.Add("EXISTS (SELECT 1 FROM scores s JOIN targets t ON t.id = s.target_id WHERE s.piece_id = p.id AND lower(t.name) = ANY(@targets))");
            args.Add("targets", Lower(query.Targets));
        }

        args.Add("limit", Math.Clamp(query.Limit, 1, 500));
        var order = query.AfterId is null ? "DESC" : "ASC";
        var sql = (where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty) + $" ORDER BY p.id {order} LIMIT @limit";
        return QueryPiecesAsync(sql, args, cancellationToken);
    }

    public async Task<long> CountPiecesAsync(bool includeDemo = true, bool includeCopies = true, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var where = (includeDemo, includeCopies) switch
        {
            (true, true) => string.Empty,
            (true, false) => " WHERE duplicate_of IS NULL",
            (false, true) => " WHERE NOT is_demo",
            (false, false) => " WHERE NOT is_demo AND duplicate_of IS NULL",
        };
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pieces" + where);
    }

    public Task<IReadOnlyList<StoredPiece>> ListCopiesAsync(long originalId, CancellationToken cancellationToken = default) =>
        QueryPiecesAsync("WHERE p.duplicate_of = @originalId ORDER BY p.id LIMIT 100", new { originalId }, cancellationToken);

    public async Task<long> GetMaxPieceIdAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(id), 0) FROM pieces");
    }

    public async Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT value FROM settings WHERE key = @key", new { key });
    }

    public async Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            new { key, value },
            transaction);
        await connection.ExecuteAsync("SELECT pg_notify(@channel, @payload)", new { channel = PostgresChannels.Settings, payload = PostgresChannels.Payload(key, instance.Id) }, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> DeleteDemoPiecesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM pieces WHERE is_demo");
    }

    public async Task<bool> HasApiKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM api_keys)");
    }

    public async Task AddApiKeyAsync(string name, string keyHash, string role, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO api_keys (name, key_hash, role, created_utc) VALUES (@name, @keyHash, @role, @at)",
            new { name, keyHash, role, at = time.GetUtcNow().UtcDateTime });
    }

    public async Task<string?> FindApiKeyRoleAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT role FROM api_keys WHERE key_hash = @keyHash", new { keyHash });
    }

    internal static string[] Lower(IEnumerable<string> values) => [.. values.Select(v => v.ToLowerInvariant())];

    internal static async Task<long?> FindDuplicateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Piece piece) =>
        await connection.QueryFirstOrDefaultAsync<long?>(
            "SELECT id FROM pieces WHERE content_hash = @hash OR (@url::text IS NOT NULL AND url = @url::text) ORDER BY id LIMIT 1",
            new { hash = piece.ContentHash, url = piece.Url },
            transaction);

    /// <summary>The id of a name in <paramref name="table"/>: read first (no row lock when it exists), inserted when missing.</summary>
    private static async Task<long> UpsertNameAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string name) =>
        await connection.QueryFirstOrDefaultAsync<long?>($"SELECT id FROM {table} WHERE lower(name) = lower(@name)", new { name }, transaction)
        ?? await connection.ExecuteScalarAsync<long>(
            $"INSERT INTO {table} (name) VALUES (@name) ON CONFLICT ((lower(name))) DO UPDATE SET name = {table}.name RETURNING id",
            new { name },
            transaction);

    private async Task InsertScoresAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long pieceId, IReadOnlyList<TargetScore> scores)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var score in scores)
        {
            var targetId = await UpsertNameAsync(connection, transaction, "targets", score.Target);
            await connection.ExecuteAsync(
                """
                INSERT INTO scores (piece_id, target_id, mentions, mention_spans_json, stance, score, p_favor, p_against, p_none, evidence_json, model_version, scored_utc)
                VALUES (@pieceId, @targetId, @Mentions, @Spans, @Stance, @Score, @PFavor, @PAgainst, @PNone, @Evidence, @ModelVersion, @now)
                ON CONFLICT (piece_id, target_id) DO UPDATE SET
                    mentions = EXCLUDED.mentions, mention_spans_json = EXCLUDED.mention_spans_json, stance = EXCLUDED.stance, score = EXCLUDED.score,
                    p_favor = EXCLUDED.p_favor, p_against = EXCLUDED.p_against, p_none = EXCLUDED.p_none, evidence_json = EXCLUDED.evidence_json,
                    model_version = EXCLUDED.model_version, scored_utc = EXCLUDED.scored_utc
                """,
                new
                {
                    pieceId,
                    targetId,
                    score.Mentions,
                    Spans = JsonSerializer.Serialize(score.MentionSpans.Select(s => new[] { s.Start, s.Length }), Json),
                    Stance = score.Stance is { } s ? StanceText.ToText(s) : null,
                    score.Score,
                    PFavor = score.Probabilities?.Favor,
                    PAgainst = score.Probabilities?.Against,
                    PNone = score.Probabilities?.None,
                    Evidence = JsonSerializer.Serialize(score.Evidence, Json),
                    score.ModelVersion,
                    now,
                },
                transaction);
        }
    }
}
