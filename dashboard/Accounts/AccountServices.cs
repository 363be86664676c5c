using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Accounts;

/// <summary>
/// Registers local accounts (options, <see cref="AccountService"/>); shared by the web app and the
/// CLI. The accounts store (<see cref="IUserStore"/>) is registered with the other stores, by
/// <c>Storage:Provider</c> (<see cref="StorageServices"/>).
/// </summary>
internal static class AccountServices
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AccountService>();
        return services;
    }
}
