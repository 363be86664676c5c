using Microsoft.AspNetCore.Authentication;
using StanceBoard.Dashboard.Auth;

namespace StanceBoard.Dashboard.Accounts;

/// <summary>401 and 403 answers for session requests, as problem+json (never a redirect: the page shows its sign-in form).</summary>
internal static class SessionProblems
{
    public static Task UnauthorizedAsync(HttpContext context)
    {
        var hadSession = context.Request.Cookies.ContainsKey(SessionAuthentication.CookieName);
        context.Response.Headers.WWWAuthenticate = ApiKeyAuthenticationHandler.SchemeName;
        return WriteAsync(
            context,
            StatusCodes.Status401Unauthorized,
            hadSession ? "Session ended" : "Unauthorized",
            hadSession
                ? "Your session has ended (it expired, or the account was changed or signed out); sign in again."
                : $"This endpoint changes data: sign in, or send an API key in the {ApiKeyAuthenticationHandler.Header} header.");
    }

    public static Task ForbiddenAsync(HttpContext context)
    {
        var role = SessionClaims.Role(context.User) ?? "viewer";
        return WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", $"You are signed in as {role}; this needs an admin.");
    }

    private static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
