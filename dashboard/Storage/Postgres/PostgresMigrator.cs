using Dapper;
using Microsoft.Extensions.Logging;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>
/// Applies <see cref="PostgresMigrations"/> in order, each once, in its own transaction, under the
/// migrations advisory lock: when several instances start at once, one migrates and the others
/// wait for it, then find nothing left to do.
/// </summary>
internal sealed class PostgresMigrator(PostgresDatabase database, PostgresStoreLock locks, TimeProvider time, ILogger<PostgresMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var held = await locks.AcquireAsync(PostgresStoreLock.Migrations, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version      integer PRIMARY KEY,
                name         text NOT NULL,
                applied_utc  timestamptz NOT NULL
            )
            """,
            cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations")).ToHashSet();
        foreach (var migration in PostgresMigrations.All.OrderBy(m => m.Version))
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken, commandTimeout: 0));
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_utc) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = time.GetUtcNow().UtcDateTime },
                transaction);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied migration {Version} ({Name}) to PostgreSQL {Database}", migration.Version, migration.Name, database.Description);
        }
    }
}
