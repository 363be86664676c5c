namespace StanceBoard.Dashboard.Storage;

/// <summary>A local account of an annotator or admin. The password is kept only as a hash.</summary>
/// <param name="Id">Its id, stable for its life.</param>
/// <param name="Name">The sign-in name, unique ignoring case.</param>
/// <param name="Role"><c>admin</c> or <c>annotator</c>.</param>
/// <param name="PasswordHash">The <c>PasswordHasher</c> hash (PBKDF2 with a per-password salt); never shown.</param>
/// <param name="SecurityStamp">Changes whenever the password, role or status changes, which ends the account's sessions.</param>
/// <param name="Disabled">A disabled account cannot sign in and its sessions end.</param>
/// <param name="FailedAttempts">Wrong passwords since the last success or lockout.</param>
/// <param name="LockedUntilUtc">When a lockout after repeated failures ends, if one is in force.</param>
/// <param name="CreatedUtc">When it was created.</param>
/// <param name="LastSignInUtc">The last successful sign-in.</param>
public sealed record UserAccount(
    long Id,
    string Name,
    string Role,
    string PasswordHash,
    string SecurityStamp,
    bool Disabled,
    int FailedAttempts,
    DateTimeOffset? LockedUntilUtc,
    DateTimeOffset CreatedUtc,
    DateTimeOffset? LastSignInUtc);
