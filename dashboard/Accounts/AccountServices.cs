using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Sqlite;
using StanceBoard.Dashboard.Storage.Unavailable;

namespace StanceBoard.Dashboard.Accounts;

/// <summary>
/// Registers local accounts (store, options, <see cref="AccountService"/>); shared by the web app and
/// the CLI. On PostgreSQL the accounts store says it is not available yet.
/// </summary>
internal static class AccountServices
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (StorageServices.IsPostgres(configuration))
        {
            services.AddSingleton<IUserStore, UnavailableUserStore>();
        }
        else
        {
            services.AddSingleton<IUserStore, SqliteUserStore>();
        }

        services.AddSingleton<AccountService>();
        return services;
    }
}
