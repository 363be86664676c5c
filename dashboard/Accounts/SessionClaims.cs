using System.Globalization;
using System.Security.Claims;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Accounts;

/// <summary>The claims of a signed-in session, and who a request acts as (a session's account or an API key).</summary>
public static class SessionClaims
{
    /// <summary>The account's security stamp when the session began; a changed stamp ends the session.</summary>
    public const string Stamp = "stanceboard:stamp";

    /// <summary>When the session began (ISO 8601 UTC), for the session's maximum lifetime.</summary>
    public const string SignedInUtc = "stanceboard:signed-in";

    public static ClaimsPrincipal Create(UserAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, account.Name),
                new Claim(ClaimTypes.Role, account.Role),
                new Claim(Stamp, account.SecurityStamp),
                new Claim(SignedInUtc, now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            ],
            SessionAuthentication.CookieScheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Whether the request is signed in with a session cookie (not an API key).</summary>
    public static bool IsSession(ClaimsPrincipal user) =>
        user?.Identity is { IsAuthenticated: true, AuthenticationType: SessionAuthentication.CookieScheme };

    /// <summary>The account id of a session, or <see langword="null"/> for API keys and anonymous requests.</summary>
    public static long? AccountId(ClaimsPrincipal user) =>
        IsSession(user) && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The name labels are stored under: the account name for sessions, <c>key:xxxxxxxx</c> for API keys.</summary>
    public static string? Actor(ClaimsPrincipal user) => user?.Identity is { IsAuthenticated: true } ? user.FindFirstValue(ClaimTypes.Name) : null;

    /// <summary>The role of the request, or <see langword="null"/> for a viewer.</summary>
    public static string? Role(ClaimsPrincipal user) =>
        user is null ? null : user.IsInRole(Roles.Admin) ? Roles.Admin : user.IsInRole(Roles.Annotator) ? Roles.Annotator : null;
}
