using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Storage.Labels;
using StanceBoard.Dashboard.Storage.Postgres;
using StanceBoard.Dashboard.Storage.Sqlite;

namespace StanceBoard.Dashboard.Storage;

/// <summary>
/// Registers the store chosen by <c>Storage:Provider</c>: the embedded SQLite file (default) or
/// PostgreSQL at <c>ConnectionStrings:StanceBoard</c>, with every store interface (pieces, sources, models, accounts, labels and the label queue, training runs), leases, the
/// cross-process lock and this process's instance name.
/// </summary>
internal static class StorageServices
{
    public static IServiceCollection AddStanceBoardStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StoreInstance>();
        services.AddSingleton<StoreReadiness>();
        if (IsPostgres(configuration))
        {
            services.AddSingleton(_ => new PostgresDatabase(configuration[StorageOptions.ConnectionStringKey]));
            services.AddSingleton<PostgresStoreLock>();
            services.AddSingleton<IStoreLock>(sp => sp.GetRequiredService<PostgresStoreLock>());
            services.AddSingleton<PostgresMigrator>();
            services.AddSingleton<PostgresStanceStore>();
            services.AddSingleton<IStanceStore>(sp => sp.GetRequiredService<PostgresStanceStore>());
            services.AddSingleton<ISourceStore, PostgresSourceStore>();
            services.AddSingleton<IModelStore, PostgresModelStore>();
            services.AddSingleton<ISourceLeases, PostgresSourceLeases>();
            services.AddSingleton<IUserStore, PostgresUserStore>();
            services.AddSingleton<ILabelStore, PostgresLabelStore>();
            services.AddSingleton<ITrainingRunStore, PostgresTrainingRunStore>();
            services.AddSingleton<IRescoreChunks, PostgresRescoreChunks>();
        }
        else
        {
            services.AddSingleton<IStoreLock, SqliteStoreLock>();
            services.AddSingleton<SqliteStanceStore>();
            services.AddSingleton<IStanceStore>(sp => sp.GetRequiredService<SqliteStanceStore>());
            services.AddSingleton<ISourceStore, SqliteSourceStore>();
            services.AddSingleton<IModelStore, SqliteModelStore>();
            services.AddSingleton<ISourceLeases, SqliteSourceLeases>();
            services.AddSingleton<IUserStore, SqliteUserStore>();
            services.AddSingleton<ILabelStore, SqliteLabelStore>();
            services.AddSingleton<ITrainingRunStore, SqliteTrainingRunStore>();
            services.AddSingleton<IRescoreChunks, SqliteRescoreChunks>();
        }

        return services;
    }

    /// <summary>Whether the configuration selects PostgreSQL.</summary>
    public static bool IsPostgres(IConfiguration configuration) =>
        new StorageOptions { Provider = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] ?? "sqlite" }.IsPostgres;

    /// <summary>Where the store is, for messages: the file, or the server without its password.</summary>
    public static string Describe(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.IsPostgres
            ? $"PostgreSQL {services.GetRequiredService<PostgresDatabase>().Description} ({StorageOptions.ConnectionStringKey})"
            : $"SQLite {Path.GetFullPath(options.Database)}";
    }
}
