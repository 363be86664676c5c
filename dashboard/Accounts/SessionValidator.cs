using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Accounts;

/// <summary>
/// Checks a session on each request against its account: a deleted or disabled account, a changed
/// role or password (a new security stamp) or a session older than the maximum lifetime ends it.
/// </summary>
internal static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal;
        var valid = false;
        if (principal is not null && SessionClaims.AccountId(principal) is { } id)
        {
            var account = await services.GetRequiredService<IUserStore>().FindByIdAsync(id, context.HttpContext.RequestAborted);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var maxLifetime = services.GetRequiredService<IOptions<AccountOptions>>().Value.SessionMaxLifetime;
            var signedIn = DateTimeOffset.TryParse(principal.FindFirstValue(SessionClaims.SignedInUtc), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : DateTimeOffset.MinValue;
            valid = account is { Disabled: false }
                && account.SecurityStamp == principal.FindFirstValue(SessionClaims.Stamp)
                && account.Role == principal.FindFirstValue(ClaimTypes.Role)
                && now - signedIn <= maxLifetime;
        }

        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionAuthentication.CookieScheme);
        }
    }
}
