using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Accounts;

/// <summary>The account after a change, or why the change was refused.</summary>
public sealed record AccountChange(UserAccount? Account, AccountError? Error)
{
    public static AccountChange Done(UserAccount account) => new(account, null);

    public static AccountChange Refused(string field, string message, AccountErrorKind kind = AccountErrorKind.Invalid) =>
        new(null, new AccountError(field, message, kind));
}
