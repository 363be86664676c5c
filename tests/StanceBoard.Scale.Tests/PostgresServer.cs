using Npgsql;

namespace StanceBoard.Scale.Tests;

/// <summary>
/// The PostgreSQL cluster <c>tests/run</c> starts for the test run (its connection string in
/// <c>STANCEBOARD_TEST_POSTGRES</c>). Each fixture gets a database of its own, dropped at the end.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "STANCEBOARD_TEST_POSTGRES";

    /// <summary>The cluster's admin connection string; a clear failure when the run did not start one.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The PostgreSQL tests need a cluster: run them through tests/run, which starts one and sets {Variable} (e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres).");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "sb_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever is still connected.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
