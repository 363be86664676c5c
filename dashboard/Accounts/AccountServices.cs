using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Sqlite;

namespace StanceBoard.Dashboard.Accounts;

/// <summary>Registers local accounts (store, options, <see cref="AccountService"/>); shared by the web app and the CLI.</summary>
internal static class AccountServices
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IUserStore, SqliteUserStore>();
        services.AddSingleton<AccountService>();
        return services;
    }
}
