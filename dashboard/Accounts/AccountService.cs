using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Accounts;

/// <summary>
/// Local accounts: creation, sign-in with lockout, password changes, roles and disabling. Passwords
/// are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512,
/// 100,000 iterations, a random salt per password) and are never logged, stored or returned.
/// </summary>
public sealed class AccountService(IUserStore users, IOptions<AccountOptions> options, TimeProvider time, ILogger<AccountService> logger)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();
    private static readonly UserAccount Nobody = new(0, "", Roles.Annotator, "", "", false, 0, null, DateTimeOffset.UnixEpoch, null);

    // Verified against when the name is unknown, so an unknown name takes as long as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    private AccountOptions Options => options.Value;

    /// <summary>Creates an account.</summary>
    public async Task<AccountChange> CreateAsync(string? name, string? role, string? password, CancellationToken cancellationToken = default)
    {
        name = name?.Trim();
        if (AccountRules.CheckName(name) is { } nameError)
        {
            return AccountChange.Refused("name", nameError);
        }

        if (AccountRules.CheckRole(role) is { } roleError)
        {
            return AccountChange.Refused("role", roleError);
        }

        if (AccountRules.CheckPassword(password, name, Options.MinPasswordLength) is { } passwordError)
        {
            return AccountChange.Refused("password", passwordError);
        }

        var account = await users.AddAsync(name!, role!, Hasher.HashPassword(Nobody, password!), cancellationToken);
        if (account is null)
        {
            return AccountChange.Refused("name", $"An account named '{name}' exists already.", AccountErrorKind.Conflict);
        }

        logger.LogInformation("Account {User} created with role {Role}", account.Name, account.Role);
        return AccountChange.Done(account);
    }

    /// <summary>Checks a name and password, counting failures towards a lockout.</summary>
    public async Task<SignInResult> SignInAsync(string? name, string? password, CancellationToken cancellationToken = default)
    {
        password ??= string.Empty;
        var account = string.IsNullOrWhiteSpace(name) || name.Length > AccountRules.MaxNameLength || password.Length > AccountRules.MaxPasswordLength
            ? null
            : await users.FindByNameAsync(name, cancellationToken);
        if (account is null)
        {
            Hasher.VerifyHashedPassword(Nobody, DecoyHash.Value, password);
            // The name is not logged: people sometimes type their password into the name field.
            logger.LogInformation("Sign-in refused: unknown account name");
            return new SignInResult(SignInOutcome.WrongCredentials);
        }

        var now = time.GetUtcNow();
        if (account.LockedUntilUtc is { } until && until > now)
        {
            logger.LogInformation("Sign-in refused: account {User} is locked until {Until}", account.Name, until);
            return new SignInResult(SignInOutcome.LockedOut, LockedUntilUtc: until);
        }

        var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var after = await users.RecordFailureAsync(account.Id, Options.MaxFailedAttempts, now + Options.Lockout, cancellationToken);
            if (after?.LockedUntilUtc is { } locked && locked > now)
            {
                logger.LogWarning("Account {User} locked until {Until} after {Attempts} wrong passwords", account.Name, locked, Options.MaxFailedAttempts);
                return new SignInResult(SignInOutcome.LockedOut, LockedUntilUtc: locked);
            }

            logger.LogInformation("Sign-in refused: wrong password for {User}", account.Name);
            return new SignInResult(SignInOutcome.WrongCredentials);
        }

        if (account.Disabled)
        {
            logger.LogInformation("Sign-in refused: account {User} is disabled", account.Name);
            return new SignInResult(SignInOutcome.Disabled);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.SetPasswordHashAsync(account.Id, Hasher.HashPassword(account, password), endSessions: false, cancellationToken);
        }

        await users.RecordSuccessAsync(account.Id, now, cancellationToken);
        logger.LogInformation("Account {User} signed in", account.Name);
        return new SignInResult(SignInOutcome.Success, account);
    }

    /// <summary>Sets a new password (an admin's reset); the account's sessions end and any lockout is lifted.</summary>
    public async Task<AccountChange> ResetPasswordAsync(string name, string? password, CancellationToken cancellationToken = default)
    {
        var account = await users.FindByNameAsync(name, cancellationToken);
        if (account is null)
        {
            return NotFound(name);
        }

        if (AccountRules.CheckPassword(password, account.Name, Options.MinPasswordLength) is { } error)
        {
            return AccountChange.Refused("password", error);
        }

        await users.SetPasswordHashAsync(account.Id, Hasher.HashPassword(account, password!), endSessions: true, cancellationToken);
        logger.LogInformation("Password of {User} reset; its sessions end", account.Name);
        return AccountChange.Done((await users.FindByIdAsync(account.Id, cancellationToken))!);
    }

    /// <summary>Changes one's own password after checking the current one; other sessions of the account end.</summary>
    public async Task<AccountChange> ChangePasswordAsync(long id, string? current, string? password, CancellationToken cancellationToken = default)
    {
        var account = await users.FindByIdAsync(id, cancellationToken);
        if (account is null)
        {
            return AccountChange.Refused("account", "The account no longer exists.", AccountErrorKind.NotFound);
        }

        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, current ?? string.Empty) == PasswordVerificationResult.Failed)
        {
            return AccountChange.Refused("current", "The current password is wrong.");
        }

        if (AccountRules.CheckPassword(password, account.Name, Options.MinPasswordLength) is { } error)
        {
            return AccountChange.Refused("password", error);
        }

        await users.SetPasswordHashAsync(account.Id, Hasher.HashPassword(account, password!), endSessions: true, cancellationToken);
        logger.LogInformation("Account {User} changed its password", account.Name);
        return AccountChange.Done((await users.FindByIdAsync(account.Id, cancellationToken))!);
    }

    /// <summary>Changes an account's role or enables/disables it. The last enabled admin cannot be demoted or disabled.</summary>
    public async Task<AccountChange> UpdateAsync(string name, string? role, bool? disabled, CancellationToken cancellationToken = default)
    {
        var account = await users.FindByNameAsync(name, cancellationToken);
        if (account is null)
        {
            return NotFound(name);
        }

        if (role is not null && AccountRules.CheckRole(role) is { } roleError)
        {
            return AccountChange.Refused("role", roleError);
        }

        var losesAdmin = account.Role == Roles.Admin && !account.Disabled && (disabled == true || role is Roles.Annotator);
        if (losesAdmin && await users.CountActiveAdminsAsync(cancellationToken) <= 1)
        {
            return AccountChange.Refused(disabled == true ? "disabled" : "role", $"'{account.Name}' is the only enabled admin; make another admin first.", AccountErrorKind.Conflict);
        }

        await users.UpdateAsync(account.Id, role, disabled, cancellationToken);
        logger.LogInformation("Account {User} updated: role {Role}, disabled {Disabled}", account.Name, role ?? account.Role, disabled ?? account.Disabled);
        return AccountChange.Done((await users.FindByIdAsync(account.Id, cancellationToken))!);
    }

    private static AccountChange NotFound(string name) =>
        AccountChange.Refused("name", $"There is no account named '{Clip(name)}'.", AccountErrorKind.NotFound);

    private static string Clip(string? value) => value is null ? "" : value.Length <= AccountRules.MaxNameLength ? value : value[..AccountRules.MaxNameLength] + "…";
}
