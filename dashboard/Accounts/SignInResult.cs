using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Accounts;

/// <summary>The outcome of a sign-in attempt.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Account">The account signed in (only on success).</param>
/// <param name="LockedUntilUtc">When the lockout ends (only when locked out).</param>
public sealed record SignInResult(SignInOutcome Outcome, UserAccount? Account = null, DateTimeOffset? LockedUntilUtc = null);

/// <summary>What a sign-in attempt came to.</summary>
public enum SignInOutcome
{
    /// <summary>Name and password match an enabled, unlocked account.</summary>
    Success,

    /// <summary>The name or the password is wrong (which one is not said).</summary>
    WrongCredentials,

    /// <summary>Too many wrong passwords in a row: the account is locked for a while.</summary>
    LockedOut,

    /// <summary>The password was right but an admin disabled the account.</summary>
    Disabled,
}
