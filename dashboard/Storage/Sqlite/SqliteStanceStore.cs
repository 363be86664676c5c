using System.Data;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Analysis.Targets;
using StanceBoard.Ingestion;

namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, connections from the pool, one
/// transaction per write. Safe to use from many threads.
/// </summary>
internal sealed partial class SqliteStanceStore : IStanceStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _connectionString;
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteStanceStore> _logger;

    public SqliteStanceStore(IOptions<StorageOptions> options, TimeProvider time, ILogger<SqliteStanceStore> logger)
    {
        _path = Path.GetFullPath(options.Value.Database);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _time = time;
        _logger = logger;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await MigrateCoreAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            // A path that is not a usable database is the operator's to fix: say which and why.
            throw new Hosting.ConfigurationException($"The database '{_path}' (Storage:Database, --db) cannot be used: {ex.Message}", ex);
        }
    }

    private async Task MigrateCoreAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL;");
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version      INTEGER PRIMARY KEY,
                name         TEXT NOT NULL,
                applied_utc  TEXT NOT NULL
            );
            """);
        var applied = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations")).ToHashSet();
        foreach (var migration in SqliteMigrations.All.OrderBy(m => m.Version))
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_utc) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = UtcText.ToText(_time.GetUtcNow()) },
                transaction);
            await transaction.CommitAsync(cancellationToken);
            _logger.LogInformation("Applied migration {Version} ({Name}) to {Database}", migration.Version, migration.Name, _path);
        }
    }

    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
            var pieces = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pieces");
            return new StoreHealth(true, "sqlite", version, pieces, null);
        }
        catch (SqliteException ex)
        {
            return new StoreHealth(false, "sqlite", 0, 0, ex.Message);
        }
    }

    public async Task SyncTargetsAsync(IEnumerable<TargetDefinition> targets, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var target in targets)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO targets (name, aliases_json) VALUES (@Name, @Aliases)
                ON CONFLICT(name) DO UPDATE SET aliases_json = excluded.aliases_json
                """,
                new { target.Name, Aliases = JsonSerializer.Serialize(target.Aliases, Json) },
                transaction);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long?> FindDuplicateAsync(Piece piece, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindDuplicateAsync(connection, null, piece);
    }

    public async Task<AddPieceResult> AddScoredPieceAsync(Piece piece, IReadOnlyList<TargetScore> scores, bool isDemo = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(piece);
        ArgumentNullException.ThrowIfNull(scores);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        if (await FindDuplicateAsync(connection, transaction, piece) is { } existing)
        {
            return new AddPieceResult(existing, false);
        }

        var id = await InsertPieceRowAsync(connection, transaction, piece, isDemo, sourceId: null, duplicateOf: null);

        var position = 0;
        foreach (var author in piece.Authors.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var authorId = await UpsertNameAsync(connection, transaction, "authors", author);
            await connection.ExecuteAsync(
                "INSERT OR IGNORE INTO piece_authors (piece_id, author_id, position) VALUES (@id, @authorId, @position)",
                new { id, authorId, position = position++ },
                transaction);
        }

        await InsertScoresAsync(connection, transaction, id, scores);
        await transaction.CommitAsync(cancellationToken);
        return new AddPieceResult(id, true);
    }

    /// <summary>Inserts the piece row itself (its outlet upserted); a syndicated copy names its source and original.</summary>
    internal async Task<long> InsertPieceRowAsync(SqliteConnection connection, SqliteTransaction transaction, Piece piece, bool isDemo, long? sourceId, long? duplicateOf)
    {
        long? outletId = piece.Outlet is { Length: > 0 } outlet ? await UpsertNameAsync(connection, transaction, "outlets", outlet) : null;
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO pieces (title, body, url, outlet_id, published_utc, language, content_hash, origin, is_demo, source_id, duplicate_of, ingested_utc)
            VALUES (@Title, @Body, @Url, @OutletId, @Published, @Language, @Hash, @Origin, @IsDemo, (SELECT id FROM sources WHERE id = @SourceId), @DuplicateOf, @Ingested)
            RETURNING id
            """,
            new
            {
                piece.Title,
                Body = piece.Text,
                piece.Url,
                OutletId = outletId,
                Published = UtcText.ToText(piece.Published),
                piece.Language,
                Hash = piece.ContentHash,
                piece.Origin,
                IsDemo = isDemo ? 1 : 0,
                SourceId = sourceId,
                DuplicateOf = duplicateOf,
                Ingested = UtcText.ToText(_time.GetUtcNow()),
            },
            transaction);
    }

    public async Task ReplaceScoresAsync(long pieceId, IReadOnlyList<TargetScore> scores, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM scores WHERE piece_id = @pieceId", new { pieceId }, transaction);
        await InsertScoresAsync(connection, transaction, pieceId, scores);
        await transaction.CommitAsync(cancellationToken);
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
            args.Add("from", UtcText.ToText(from));
        }

        if (query.To is { } to)
        {
            where.Add("p.published_utc < @to");
            args.Add("to", UtcText.ToText(to));
        }

        if (query.Authors.Count > 0)
        {
            where.Add("EXISTS (SELECT 1 FROM piece_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.piece_id = p.id AND a.name IN @authors)");
            args.Add("authors", query.Authors);
        }

        if (query.Outlets.Count > 0)
        {
            where.Add("o.name IN @outlets");
            args.Add("outlets", query.Outlets);
        }

        if (query.Targets.Count > 0)
        {
            where.Add("EXISTS (SELECT 1 FROM scores s JOIN targets t ON t.id = s.target_id WHERE s.piece_id = p.id AND t.name IN @targets)");
            args.Add("targets", query.Targets);
        }

        args.Add("limit", Math.Clamp(query.Limit, 1, 500));
        var order = query.AfterId is null ? "DESC" : "ASC";
        var sql = (where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty) + $" ORDER BY p.id {order} LIMIT @limit";
        return QueryPiecesAsync(sql, args, cancellationToken);
    }

    public async Task<long> CountPiecesAsync(bool includeDemo = true, bool includeCopies = true, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var where = (includeDemo, includeCopies) switch
        {
            (true, true) => string.Empty,
            (true, false) => " WHERE duplicate_of IS NULL",
            (false, true) => " WHERE is_demo = 0",
            (false, false) => " WHERE is_demo = 0 AND duplicate_of IS NULL",
        };
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pieces" + where);
    }

    public Task<IReadOnlyList<StoredPiece>> ListCopiesAsync(long originalId, CancellationToken cancellationToken = default) =>
        QueryPiecesAsync("WHERE p.duplicate_of = @originalId ORDER BY p.id LIMIT 100", new { originalId }, cancellationToken);

    public async Task<long> GetMaxPieceIdAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(id), 0) FROM pieces");
    }

    public async Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT value FROM settings WHERE key = @key", new { key });
    }

    public async Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            new { key, value });
    }

    public async Task<int> DeleteDemoPiecesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM pieces WHERE is_demo = 1");
    }

    public async Task<bool> HasApiKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM api_keys") > 0;
    }

    public async Task AddApiKeyAsync(string name, string keyHash, string role, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO api_keys (name, key_hash, role, created_utc) VALUES (@name, @keyHash, @role, @at)",
            new { name, keyHash, role, at = UtcText.ToText(_time.GetUtcNow()) });
    }

    public async Task<string?> FindApiKeyRoleAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT role FROM api_keys WHERE key_hash = @keyHash", new { keyHash });
    }

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;");
        return connection;
    }

    internal static async Task<long?> FindDuplicateAsync(SqliteConnection connection, SqliteTransaction? transaction, Piece piece) =>
        await connection.QueryFirstOrDefaultAsync<long?>(
            "SELECT id FROM pieces WHERE content_hash = @hash OR (@url IS NOT NULL AND url = @url) ORDER BY id LIMIT 1",
            new { hash = piece.ContentHash, url = piece.Url },
            transaction);

    private static async Task<long> UpsertNameAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string name) =>
        await connection.ExecuteScalarAsync<long>(
            $"INSERT INTO {table} (name) VALUES (@name) ON CONFLICT(name) DO UPDATE SET name = name RETURNING id",
            new { name = name.Trim() },
            transaction);

    private async Task InsertScoresAsync(SqliteConnection connection, SqliteTransaction transaction, long pieceId, IReadOnlyList<TargetScore> scores)
    {
        var now = UtcText.ToText(_time.GetUtcNow());
        foreach (var score in scores)
        {
            var targetId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO targets (name) VALUES (@name) ON CONFLICT(name) DO UPDATE SET name = name RETURNING id",
                new { name = score.Target },
                transaction);
            await connection.ExecuteAsync(
                """
                INSERT INTO scores (piece_id, target_id, mentions, mention_spans_json, stance, score, p_favor, p_against, p_none, evidence_json, model_version, scored_utc)
                VALUES (@pieceId, @targetId, @Mentions, @Spans, @Stance, @Score, @PFavor, @PAgainst, @PNone, @Evidence, @ModelVersion, @now)
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
