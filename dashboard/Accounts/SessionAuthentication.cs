using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Accounts;

/// <summary>
/// Sign-in sessions beside API keys. The default scheme picks per request: a request with an
/// <c>X-Api-Key</c> header is judged by its key, any other by its session cookie, so both satisfy
/// the same role policies. The cookie is HttpOnly, SameSite=Strict, Secure when the request is
/// HTTPS, and ends after <see cref="AccountOptions.SessionIdleTimeout"/> without use. Its keys (and
/// the antiforgery keys) are kept in <c>keys/</c> beside the database, so sessions survive restarts.
/// </summary>
internal static class SessionAuthentication
{
    public const string DefaultScheme = "ApiKeyOrSession";
    public const string CookieScheme = "Session";
    public const string CookieName = "stanceboard.session";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";
    public const string AntiforgeryCookieName = "stanceboard.csrf";

    /// <summary>Adds the per-request scheme choice, the session cookie, antiforgery and persisted data-protection keys.</summary>
    public static AuthenticationBuilder AddSessions(this AuthenticationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPolicyScheme(DefaultScheme, "API key or signed-in session", o =>
            o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName : CookieScheme);
        builder.AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.IsEssential = true;
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = SessionValidator.ValidateAsync,
                OnRedirectToLogin = context => SessionProblems.UnauthorizedAsync(context.HttpContext),
                OnRedirectToAccessDenied = context => SessionProblems.ForbiddenAsync(context.HttpContext),
            };
        });
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<IOptions<AccountOptions>, TimeProvider>((o, accounts, time) =>
            {
                o.ExpireTimeSpan = accounts.Value.SessionIdleTimeout;
                o.TimeProvider = time;
            });
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = AntiforgeryCookieName;
            o.SuppressXFrameOptionsHeader = true; // the security headers set X-Frame-Options: DENY on every response
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddDataProtection().SetApplicationName("StanceBoard");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, ILoggerFactory>((o, storage, logs) =>
                o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeysFolder(storage.Value)), logs));
        return builder;
    }

    /// <summary>Where the data-protection keys live: <c>keys/</c> in the database's folder.</summary>
    public static string KeysFolder(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Database)) ?? ".", "keys");
    }
}
