using Dapper;
using Npgsql;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>
/// Model versions on PostgreSQL. A promotion or rollback is announced on
/// <see cref="PostgresChannels.Models"/> when it commits, so every instance and worker loads the
/// newly active version.
/// </summary>
internal sealed class PostgresModelStore(PostgresDatabase database, StoreInstance instance, TimeProvider time) : IModelStore
{
    private const string Columns = """
        version, created_utc AS CreatedUtc, data_hash AS DataHash, metrics_json AS MetricsJson, examples, source,
        is_active AS IsActive, octet_length(model) AS SizeBytes
        """;

    private const string RollbackReason = "rollback";

    public async Task<ModelVersionInfo> AddAsync(string version, byte[] model, string? dataHash, string? metricsJson, int? examples, string? source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(model);
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO model_versions (version, created_utc, data_hash, metrics_json, is_active, model, examples, source)
                VALUES (@version, @created, @dataHash, @metricsJson, false, @model, @examples, @source)
                """,
                new { version, created = time.GetUtcNow().UtcDateTime, dataHash, metricsJson, model, examples, source });
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException($"Model version '{version}' is already stored.", ex);
        }

        return (await GetAsync(connection, null, version))!;
    }

    public async Task<IReadOnlyList<ModelVersionInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM model_versions ORDER BY id DESC");
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public async Task<ModelVersionInfo?> GetActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM model_versions WHERE is_active");
        return row?.ToInfo();
    }

    public async Task<byte[]?> GetBytesAsync(string version, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>("SELECT model FROM model_versions WHERE version = @version", new { version });
    }

    public async Task<ModelVersionInfo> PromoteAsync(string version, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (reason == RollbackReason)
        {
            throw new ArgumentException("'rollback' is reserved for RollbackAsync.", nameof(reason));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockPromotionsAsync(connection, transaction);
        var id = await connection.ExecuteScalarAsync<long?>("SELECT id FROM model_versions WHERE version = @version", new { version }, transaction)
            ?? throw new KeyNotFoundException($"There is no model version '{version}'.");
        await ActivateAsync(connection, transaction, id, version, reason);
        await transaction.CommitAsync(cancellationToken);
        return (await GetAsync(connection, null, version))!;
    }

    public async Task<ModelVersionInfo?> RollbackAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockPromotionsAsync(connection, transaction);
        var current = await connection.ExecuteScalarAsync<long?>("SELECT id FROM model_versions WHERE is_active", transaction: transaction);
        if (current is null)
        {
            return null;
        }

        // Replay the promotions as a stack: a promotion pushes, a rollback pops.
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

        if (stack.Count < 2)
        {
            return null;
        }

        var previous = stack[^2];
        var version = await connection.ExecuteScalarAsync<string>("SELECT version FROM model_versions WHERE id = @previous", new { previous }, transaction);
        await ActivateAsync(connection, transaction, previous, version!, RollbackReason);
        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(connection, null, version!);
    }

    /// <summary>Promotions and rollbacks run one at a time across instances (the history is replayed as a stack).</summary>
    private static Task LockPromotionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('stanceboard:promotions'))", transaction: transaction);

    private async Task ActivateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string version, string reason)
    {
        await connection.ExecuteAsync("UPDATE model_versions SET is_active = false WHERE is_active AND id <> @id", new { id }, transaction);
        await connection.ExecuteAsync("UPDATE model_versions SET is_active = true WHERE id = @id", new { id }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO model_promotions (model_version_id, promoted_utc, reason) VALUES (@id, @at, @reason)",
            new { id, at = time.GetUtcNow().UtcDateTime, reason },
            transaction);
        await connection.ExecuteAsync("SELECT pg_notify(@channel, @payload)", new { channel = PostgresChannels.Models, payload = PostgresChannels.Payload(version, instance.Id) }, transaction);
    }

    private static async Task<ModelVersionInfo?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string version)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM model_versions WHERE version = @version", new { version }, transaction);
        return row?.ToInfo();
    }

    private sealed class Row
    {
        public string Version { get; init; } = "";
        public DateTime CreatedUtc { get; init; }
        public string? DataHash { get; init; }
        public string? MetricsJson { get; init; }
        public int? Examples { get; init; }
        public string? Source { get; init; }
        public bool IsActive { get; init; }
        public int? SizeBytes { get; init; }

        public ModelVersionInfo ToInfo() => new(Version, PgTime.FromDb(CreatedUtc), DataHash, MetricsJson, Examples, Source, IsActive, SizeBytes ?? 0);
    }
}
