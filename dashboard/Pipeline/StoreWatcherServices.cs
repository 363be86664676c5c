using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Pipeline;

/// <summary>How a process learns what others stored: LISTEN/NOTIFY on PostgreSQL, a once-a-second look on SQLite.</summary>
internal static class StoreWatcherServices
{
    public static IServiceCollection AddStoreWatcher(this IServiceCollection services, IConfiguration configuration)
    {
        if (StorageServices.IsPostgres(configuration))
        {
            services.AddHostedService<PostgresStoreWatcher>();
        }
        else
        {
            services.AddHostedService<StoreWatcher>();
        }

        return services;
    }
}
