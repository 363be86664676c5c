using Dapper;
using Npgsql;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>
/// Session advisory locks (<c>pg_advisory_lock(hashtext(name))</c>) held on a connection of their
/// own: a second process asking for the same name waits until the first releases it or its
/// connection ends (a killed process frees its locks).
/// </summary>
internal sealed class PostgresStoreLock(PostgresDatabase database) : IStoreLock
{
    /// <summary>The lock taken while migrating.</summary>
    public const string Migrations = "stanceboard:migrations";

    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(hashtext(@name))", new { name }, cancellationToken: cancellationToken, commandTimeout: 0));
            return new Held(connection, name);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, string name) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(hashtext(@name))", new { name });
            }
            catch (NpgsqlException)
            {
                // The connection is gone, and the server released the lock with it.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
