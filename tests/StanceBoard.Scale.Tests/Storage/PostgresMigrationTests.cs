using Dapper;
using Npgsql;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Postgres;
using StanceBoard.Scale.Tests.MultiProcess;

namespace StanceBoard.Scale.Tests.Storage;

/// <summary>Migrations run by several instances at once: one migrates, the others wait, none fails.</summary>
public sealed class PostgresMigrationTests : IAsyncLifetime
{
    private string _database = null!;

    public async Task InitializeAsync() => _database = await PostgresServer.CreateDatabaseAsync();

    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(_database);

    private StoreSet CreateSut() => StoreSet.Create(
        new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", [StorageOptions.ConnectionStringKey] = _database },
        () => Task.CompletedTask);

    [Fact]
    public async Task MigrateAsync_FourInstancesAtOnce_ApplyEachMigrationOnce()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => CreateSut()).ToList();

        await Task.WhenAll(instances.Select(i => Task.Run(() => i.Pieces.MigrateAsync())));

        await using var connection = new NpgsqlConnection(_database);
        (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ShouldBe(PostgresMigrations.All.Select(m => m.Version));
        foreach (var instance in instances)
        {
            (await instance.Pieces.CheckHealthAsync()).Ok.ShouldBeTrue();
            await instance.DisposeAsync();
        }
    }

    [Fact]
    public async Task MigrateAsync_WhileAnotherInstanceMigrates_WaitsForItThenFindsNothingToDo()
    {
        await using var first = CreateSut();
        await using var second = CreateSut();
        var held = await first.Locks.AcquireAsync(PostgresStoreLock.Migrations);

        var waiting = second.Pieces.MigrateAsync();
        await Eventually.WaitAsync(WaitingAdvisoryLocksAsync, n => n == 1, TimeSpan.FromSeconds(30), n => $"{n} waiting advisory locks");

        waiting.IsCompleted.ShouldBeFalse();
        await held.DisposeAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(60));
        (await second.Pieces.CheckHealthAsync()).SchemaVersion.ShouldBe(PostgresMigrations.All.Max(m => m.Version));
    }

    private async Task<long> WaitingAdvisoryLocksAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
    }
}
