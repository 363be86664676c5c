using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Scale.Tests.Storage;

/// <summary>Every store interface of one database, resolved through the app's own registration.</summary>
public sealed class StoreSet : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Func<Task> _cleanup;

    private StoreSet(ServiceProvider services, Func<Task> cleanup)
    {
        _services = services;
        _cleanup = cleanup;
    }

    public IStanceStore Pieces => _services.GetRequiredService<IStanceStore>();

    public ISourceStore Sources => _services.GetRequiredService<ISourceStore>();

    public IModelStore Models => _services.GetRequiredService<IModelStore>();

    public ISourceLeases Leases => _services.GetRequiredService<ISourceLeases>();

    public IStoreLock Locks => _services.GetRequiredService<IStoreLock>();

    public IRescoreChunks Rescore => _services.GetRequiredService<IRescoreChunks>();

    public static StoreSet Create(IDictionary<string, string?> settings, Func<Task> cleanup)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddStanceBoardStorage(configuration);
        return new StoreSet(services.BuildServiceProvider(), cleanup);
    }

    public static StoreSet Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("stanceboard-contract-").FullName;
        return Create(
            new Dictionary<string, string?> { ["Storage:Provider"] = "sqlite", ["Storage:Database"] = Path.Combine(folder, "board.db") },
            () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            });
    }

    public static async Task<StoreSet> PostgresAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        return Create(
            new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", [StorageOptions.ConnectionStringKey] = connectionString },
            () => PostgresServer.DropDatabaseAsync(connectionString));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _cleanup();
    }
}
