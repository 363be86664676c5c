using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Auth;

/// <summary>
/// Authenticates requests by the <c>X-Api-Key</c> header against the configured keys and the
/// hashes stored in the database. No header: anonymous (a viewer). Unknown key: failure (401).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<AuthOptions> auth,
    IStanceStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeyHasher.Hash(values.ToString().Trim());
        var role = FindConfiguredRole(hash) ?? await store.FindApiKeyRoleAsync(hash, Context.RequestAborted);
        if (role is null)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"key:{hash[..8]}"), new Claim(ClaimTypes.Role, role)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var hasKey = Request.Headers.ContainsKey(Header);
        return WriteProblemAsync(
            StatusCodes.Status401Unauthorized,
            "Unauthorized",
            hasKey ? $"The API key in {Header} is not valid." : $"This endpoint changes data: send an API key in the {Header} header.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "The API key is valid but its role may not do this.");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = SchemeName;
        }

        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    private string? FindConfiguredRole(string hash)
    {
        var current = auth.CurrentValue;
        if (current.ApiKeys.Any(k => ApiKeyHasher.HashesEqual(ApiKeyHasher.Hash(k), hash)))
        {
            return Roles.Admin;
        }

        return current.AnnotatorKeys.Any(k => ApiKeyHasher.HashesEqual(ApiKeyHasher.Hash(k), hash)) ? Roles.Annotator : null;
    }
}
