using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>Model versions in the SQLite store (tables <c>model_versions</c> and <c>model_promotions</c>, migrations 1 and 3).</summary>
internal sealed class SqliteModelStore(IOptions<StorageOptions> options, TimeProvider time) : IModelStore
{
    private const string Columns = """
        version, created_utc AS CreatedUtc, data_hash AS DataHash, metrics_json AS MetricsJson, examples, source,
        is_active AS IsActive, length(model) AS SizeBytes
        """;

    private const string RollbackReason = "rollback";

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.Value.Database),
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public async Task<ModelVersionInfo> AddAsync(string version, byte[] model, string? dataHash, string? metricsJson, int? examples, string? source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(model);
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO model_versions (version, created_utc, data_hash, metrics_json, is_active, model, examples, source)
                VALUES (@version, @created, @dataHash, @metricsJson, 0, @model, @examples, @source)
                """,
                new { version, created = UtcText.ToText(time.GetUtcNow()), dataHash, metricsJson, model, examples, source });
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            throw new InvalidOperationException($"Model version '{version}' is already stored.", ex);
        }

        return (await GetAsync(connection, null, version))!;
    }

    public async Task<IReadOnlyList<ModelVersionInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM model_versions ORDER BY id DESC");
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public async Task<ModelVersionInfo?> GetActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM model_versions WHERE is_active = 1");
        return row?.ToInfo();
    }

    public async Task<byte[]?> GetBytesAsync(string version, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>("SELECT model FROM model_versions WHERE version = @version", new { version });
    }

    public async Task<ModelVersionInfo> PromoteAsync(string version, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (reason == RollbackReason)
        {
            throw new ArgumentException("'rollback' is reserved for RollbackAsync.", nameof(reason));
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>("SELECT id FROM model_versions WHERE version = @version", new { version }, transaction)
            ?? throw new KeyNotFoundException($"There is no model version '{version}'.");
        await Activate(connection, transaction, id, reason);
        await transaction.CommitAsync(cancellationToken);
        return (await GetAsync(connection, null, version))!;
    }

    public async Task<ModelVersionInfo?> RollbackAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var current = await connection.ExecuteScalarAsync<long?>("SELECT id FROM model_versions WHERE is_active = 1", transaction: transaction);
        if (current is null)
        {
            return null;
        }

        // Replay the promotions as a stack: a promotion pushes, a rollback pops; the rollback
        // asked for now pops the current version and re-activates the one below it.
        var history = await connection.QueryAsync<(long VersionId, string Reason)>(
            "SELECT model_version_id, reason FROM model_promotions ORDER BY id", transaction: transaction);
        var stack = new List<long>();
        foreach (var (versionId, reason) in history)
        {
            if (reason == RollbackReason)
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }
            }
            else
            {
                stack.Add(versionId);
            }
        }

        long? previous = stack.Count >= 2 ? stack[^2] : null;
        if (previous is null)
        {
            return null;
        }

        await Activate(connection, transaction, previous.Value, RollbackReason);
        await transaction.CommitAsync(cancellationToken);
        var version = await connection.ExecuteScalarAsync<string>("SELECT version FROM model_versions WHERE id = @previous", new { previous });
        return await GetAsync(connection, null, version!);
    }

    private async Task Activate(SqliteConnection connection, SqliteTransaction transaction, long id, string reason)
    {
        await connection.ExecuteAsync("UPDATE model_versions SET is_active = 0 WHERE is_active = 1 AND id <> @id", new { id }, transaction);
        await connection.ExecuteAsync("UPDATE model_versions SET is_active = 1 WHERE id = @id", new { id }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO model_promotions (model_version_id, promoted_utc, reason) VALUES (@id, @at, @reason)",
            new { id, at = UtcText.ToText(time.GetUtcNow()), reason },
            transaction);
    }

    private static async Task<ModelVersionInfo?> GetAsync(SqliteConnection connection, SqliteTransaction? transaction, string version)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM model_versions WHERE version = @version", new { version }, transaction);
        return row?.ToInfo();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private sealed class Row
    {
        public string Version { get; init; } = "";
        public string CreatedUtc { get; init; } = "";
        public string? DataHash { get; init; }
        public string? MetricsJson { get; init; }
        public long? Examples { get; init; }
        public string? Source { get; init; }
        public long IsActive { get; init; }
        public long? SizeBytes { get; init; }

        public ModelVersionInfo ToInfo() => new(Version, UtcText.Parse(CreatedUtc), DataHash, MetricsJson, (int?)Examples, Source, IsActive == 1, SizeBytes ?? 0);
    }
}
