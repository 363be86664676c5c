using Dapper;
using Npgsql;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>Local accounts on PostgreSQL (table <c>users</c>, migration 3); names unique ignoring case.</summary>
internal sealed class PostgresUserStore(PostgresDatabase database, TimeProvider time) : IUserStore
{
    private const string Columns = """
        id AS Id, name AS Name, role AS Role, password_hash AS PasswordHash, security_stamp AS SecurityStamp,
        disabled AS Disabled, failed_attempts AS FailedAttempts, locked_until_utc AS LockedUntilUtc,
        created_utc AS CreatedUtc, last_sign_in_utc AS LastSignInUtc
        """;

    public async Task<UserAccount?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM users WHERE lower(name) = lower(@name)", new { name = name.Trim() });
        return row?.ToAccount();
    }

    public async Task<UserAccount?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM users WHERE id = @id", new { id });
        return row?.ToAccount();
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM users ORDER BY lower(name)");
        return rows.Select(r => r.ToAccount()).ToArray();
    }

    public async Task<UserAccount?> AddAsync(string name, string role, string passwordHash, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(
            """
            INSERT INTO users (name, role, password_hash, security_stamp, created_utc, password_changed_utc)
            VALUES (@name, @role, @passwordHash, @stamp, @now, @now)
            ON CONFLICT (lower(name)) DO NOTHING
            RETURNING id
            """,
            new { name, role, passwordHash, stamp = NewStamp(), now });
        return id is { } added ? await FindByIdAsync(added, cancellationToken) : null;
    }

    public async Task<bool> SetPasswordHashAsync(long id, string passwordHash, bool endSessions, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            """
            UPDATE users SET password_hash = @passwordHash, password_changed_utc = @now, failed_attempts = 0, locked_until_utc = NULL,
                security_stamp = CASE WHEN @endSessions THEN @stamp ELSE security_stamp END
            WHERE id = @id
            """,
            new { id, passwordHash, endSessions, stamp = NewStamp(), now = time.GetUtcNow().UtcDateTime });
        return changed == 1;
    }

    public async Task<bool> UpdateAsync(long id, string? role, bool? disabled, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            """
            UPDATE users SET role = COALESCE(@role, role), disabled = COALESCE(@disabled, disabled), security_stamp = @stamp,
                failed_attempts = CASE WHEN @disabled IS FALSE THEN 0 ELSE failed_attempts END,
                locked_until_utc = CASE WHEN @disabled IS FALSE THEN NULL ELSE locked_until_utc END
            WHERE id = @id
            """,
            new { id, role, disabled, stamp = NewStamp() });
        return changed == 1;
    }

    public async Task<UserAccount?> RecordFailureAsync(long id, int maxAttempts, DateTimeOffset lockUntil, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One statement, so concurrent wrong passwords are all counted (the row lock serialises them).
        await connection.ExecuteAsync(
            """
            UPDATE users SET
                locked_until_utc = CASE WHEN failed_attempts + 1 >= @maxAttempts THEN @lockUntil ELSE locked_until_utc END,
                failed_attempts = CASE WHEN failed_attempts + 1 >= @maxAttempts THEN 0 ELSE failed_attempts + 1 END
            WHERE id = @id
            """,
            new { id, maxAttempts, lockUntil = PgTime.ToDb(lockUntil) });
        return await FindByIdAsync(id, cancellationToken);
    }

    public async Task RecordSuccessAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE users SET failed_attempts = 0, locked_until_utc = NULL, last_sign_in_utc = @at WHERE id = @id",
            new { id, at = PgTime.ToDb(at) });
    }

    public async Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE role = 'admin' AND NOT disabled");
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
        public bool Disabled { get; init; }
        public int FailedAttempts { get; init; }
        public DateTime? LockedUntilUtc { get; init; }
        public DateTime CreatedUtc { get; init; }
        public DateTime? LastSignInUtc { get; init; }

        public UserAccount ToAccount() => new(
            Id, Name, Role, PasswordHash, SecurityStamp, Disabled, FailedAttempts,
            PgTime.FromDb(LockedUntilUtc), PgTime.FromDb(CreatedUtc), PgTime.FromDb(LastSignInUtc));
    }
}
