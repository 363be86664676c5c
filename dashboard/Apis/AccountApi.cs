using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using StanceBoard.Dashboard.Accounts;
using StanceBoard.Dashboard.Auth;

namespace StanceBoard.Dashboard.Apis;

/// <summary>
/// <c>/api/account</c>: the current session (with the antiforgery token the page sends back),
/// sign-in, sign-out and changing one's own password. Passwords are read from the body and never
/// logged or returned.
/// </summary>
public static class AccountApi
{
    private const int MaxBodyBytes = 8 * 1024;

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account");
        group.MapGet("/session", Session)
            .WithSummary("Who is signed in (or which API key role), with an antiforgery token for the page's POSTs");
        group.MapPost("/signin", SignInAsync)
            .Accepts<SignInInput>("application/json")
            .WithSummary("Sign in with a local account (needs the antiforgery token); sets the HttpOnly session cookie")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked);
        group.MapPost("/signout", SignOutAsync)
            .WithSummary("End this session");
        group.MapPost("/password", ChangePasswordAsync)
            .RequireAuthorization(Roles.CanWrite)
            .Accepts<PasswordChangeInput>("application/json")
            .WithSummary("Change your own password (signed-in accounts); your other sessions end")
            .ProducesValidationProblem();
        return app;
    }

    internal static Ok<SessionDto> Session(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        var user = context.User;
        return TypedResults.Ok(new SessionDto(
            SessionClaims.IsSession(user),
            SessionClaims.Actor(user),
            SessionClaims.Role(user),
            SessionClaims.IsSession(user) ? "session" : user.Identity?.IsAuthenticated == true ? "api-key" : null,
            tokens.RequestToken!,
            SessionAuthentication.AntiforgeryHeader));
    }

    internal static async Task<Results<Ok<SignedInDto>, ProblemHttpResult>> SignInAsync(
        HttpContext context, AccountService accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<SignInInput>(context.Request, MaxBodyBytes, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        var result = await accounts.SignInAsync(input.Name, input.Password, cancellationToken);
        switch (result.Outcome)
        {
            case SignInOutcome.Success:
                var account = result.Account!;
                await context.SignInAsync(SessionAuthentication.CookieScheme, SessionClaims.Create(account, time.GetUtcNow()), new AuthenticationProperties { IsPersistent = false });
                return TypedResults.Ok(new SignedInDto(account.Name, account.Role));
            case SignInOutcome.LockedOut:
                var minutes = Math.Max(1, (int)Math.Ceiling((result.LockedUntilUtc!.Value - time.GetUtcNow()).TotalMinutes));
                return TypedResults.Problem(
                    $"Too many wrong passwords: this account is locked for {minutes} more minute(s). An admin can reset the password to unlock it.",
                    statusCode: StatusCodes.Status423Locked,
                    title: "Account locked",
                    extensions: new Dictionary<string, object?> { ["lockedUntilUtc"] = result.LockedUntilUtc });
            case SignInOutcome.Disabled:
                return TypedResults.Problem("This account is disabled; ask an admin to enable it.", statusCode: StatusCodes.Status403Forbidden, title: "Account disabled");
            default:
                return TypedResults.Problem("The name or the password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }
    }

    internal static async Task<NoContent> SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await context.SignOutAsync(SessionAuthentication.CookieScheme);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        HttpContext context, AccountService accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (SessionClaims.AccountId(context.User) is not { } id)
        {
            return TypedResults.Problem("API keys have no password; sign in with an account to change its password.", statusCode: StatusCodes.Status400BadRequest, title: "Not a session");
        }

        var (input, problem) = await JsonBody.ReadAsync<PasswordChangeInput>(context.Request, MaxBodyBytes, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        var change = await accounts.ChangePasswordAsync(id, input.Current, input.Password, cancellationToken);
        if (change.Error is { } error)
        {
            return UsersApi.ToProblem(error);
        }

        // The new stamp ended every session of the account, this one included: start a fresh one.
        await context.SignInAsync(SessionAuthentication.CookieScheme, SessionClaims.Create(change.Account!, time.GetUtcNow()), new AuthenticationProperties { IsPersistent = false });
        return TypedResults.NoContent();
    }
}

/// <summary>The session as the page sees it.</summary>
/// <param name="SignedIn">Whether a session cookie signed this request in.</param>
/// <param name="Name">The account name (or <c>key:…</c> for an API key).</param>
/// <param name="Role"><c>admin</c>, <c>annotator</c>, or <see langword="null"/> for a viewer.</param>
/// <param name="Via"><c>session</c>, <c>api-key</c> or <see langword="null"/>.</param>
/// <param name="Antiforgery">The token to send back in <paramref name="AntiforgeryHeader"/> with every POST, PUT, PATCH and DELETE.</param>
/// <param name="AntiforgeryHeader">The header name.</param>
public sealed record SessionDto(bool SignedIn, string? Name, string? Role, string? Via, string Antiforgery, string AntiforgeryHeader);

/// <summary>Sign-in input.</summary>
public sealed record SignInInput(string? Name, string? Password);

/// <summary>Who was signed in.</summary>
public sealed record SignedInDto(string Name, string Role);

/// <summary>A password change: the current password and the new one.</summary>
public sealed record PasswordChangeInput(string? Current, string? Password);
