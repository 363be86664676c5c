using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>Local accounts in the SQLite store (table <c>users</c>, migration 5).</summary>
internal sealed class SqliteUserStore(IOptions<StorageOptions> options, TimeProvider time) : IUserStore
{
    private const string Columns = """
        id AS Id, name AS Name, role AS Role, password_hash AS PasswordHash, security_stamp AS SecurityStamp,
        disabled AS Disabled, failed_attempts AS FailedAttempts, locked_until_utc AS LockedUntilUtc,
        created_utc AS CreatedUtc, last_sign_in_utc AS LastSignInUtc
        """;

    private readonly string _connectionString = SqliteConnections.ConnectionString(options.Value);

    public async Task<UserAccount?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM users WHERE name = @name", new { name = name.Trim() });
        return row?.ToAccount();
    }

    public async Task<UserAccount?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM users WHERE id = @id", new { id });
        return row?.ToAccount();
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM users ORDER BY name");
        return rows.Select(r => r.ToAccount()).ToArray();
    }

    public async Task<UserAccount?> AddAsync(string name, string role, string passwordHash, CancellationToken cancellationToken = default)
    {
        var now = UtcText.ToText(time.GetUtcNow());
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        try
        {
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO users (name, role, password_hash, security_stamp, created_utc, password_changed_utc)
                VALUES (@name, @role, @passwordHash, @stamp, @now, @now)
                RETURNING id
                """,
                new { name, role, passwordHash, stamp = NewStamp(), now });
            return await FindByIdAsync(id, cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            return null; // UNIQUE(name)
        }
    }

    public async Task<bool> SetPasswordHashAsync(long id, string passwordHash, bool endSessions, CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        var changed = await connection.ExecuteAsync(
            """
            UPDATE users SET password_hash = @passwordHash, password_changed_utc = @now, failed_attempts = 0, locked_until_utc = NULL,
                security_stamp = CASE WHEN @endSessions THEN @stamp ELSE security_stamp END
            WHERE id = @id
            """,
            new { id, passwordHash, endSessions, stamp = NewStamp(), now = UtcText.ToText(time.GetUtcNow()) });
        return changed == 1;
    }

    public async Task<bool> UpdateAsync(long id, string? role, bool? disabled, CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        var changed = await connection.ExecuteAsync(
            """
            UPDATE users SET role = COALESCE(@role, role), disabled = COALESCE(@disabled, disabled), security_stamp = @stamp,
                failed_attempts = CASE WHEN @disabled = 0 THEN 0 ELSE failed_attempts END,
                locked_until_utc = CASE WHEN @disabled = 0 THEN NULL ELSE locked_until_utc END
            WHERE id = @id
            """,
            new { id, role, disabled = disabled is { } d ? (d ? 1 : 0) : (int?)null, stamp = NewStamp() });
        return changed == 1;
    }

    public async Task<UserAccount?> RecordFailureAsync(long id, int maxAttempts, DateTimeOffset lockUntil, CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        // One statement, so concurrent wrong passwords are all counted.
        await connection.ExecuteAsync(
            """
            UPDATE users SET
                locked_until_utc = CASE WHEN failed_attempts + 1 >= @maxAttempts THEN @lockUntil ELSE locked_until_utc END,
                failed_attempts = CASE WHEN failed_attempts + 1 >= @maxAttempts THEN 0 ELSE failed_attempts + 1 END
            WHERE id = @id
            """,
            new { id, maxAttempts, lockUntil = UtcText.ToText(lockUntil) });
        return await FindByIdAsync(id, cancellationToken);
    }

    public async Task RecordSuccessAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE users SET failed_attempts = 0, locked_until_utc = NULL, last_sign_in_utc = @at WHERE id = @id",
            new { id, at = UtcText.ToText(at) });
    }

    public async Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0");
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    // Dapper fills these by property name; constructor matching would break on NULL columns.
    private sealed class Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Role { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public string SecurityStamp { get; init; } = "";
        public long Disabled { get; init; }
        public long FailedAttempts { get; init; }
        public string? LockedUntilUtc { get; init; }
        public string CreatedUtc { get; init; } = "";
        public string? LastSignInUtc { get; init; }

        public UserAccount ToAccount() => new(
            Id, Name, Role, PasswordHash, SecurityStamp, Disabled != 0, (int)FailedAttempts,
            UtcText.ParseOrNull(LockedUntilUtc), UtcText.Parse(CreatedUtc), UtcText.ParseOrNull(LastSignInUtc));
    }
}
