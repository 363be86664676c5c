using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Labels;

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

    public IUserStore Users => _services.GetRequiredService<IUserStore>();

    public ILabelStore Labels => _services.GetRequiredService<ILabelStore>();

    public ITrainingRunStore TrainingRuns => _services.GetRequiredService<ITrainingRunStore>();

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

    /// <summary>The service of type <typeparamref name="T"/> (a store's own class, its database).</summary>
    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static StoreSet Sqlite() => Sqlite(out _);

    public static StoreSet Sqlite(out string databasePath)
    {
        var folder = Directory.CreateTempSubdirectory("stanceboard-contract-").FullName;
        databasePath = Path.Combine(folder, "board.db");
        return Create(
            new Dictionary<string, string?> { ["Storage:Provider"] = "sqlite", ["Storage:Database"] = databasePath },
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
