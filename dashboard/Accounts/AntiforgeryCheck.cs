using Microsoft.AspNetCore.Antiforgery;
using StanceBoard.Dashboard.Auth;

namespace StanceBoard.Dashboard.Accounts;

/// <summary>
/// Requires an antiforgery token on every request that could change data from the page: any
/// POST, PUT, PATCH or DELETE to <c>/api/</c> that does not carry an <c>X-Api-Key</c> header (a
/// header another site's page cannot add, so key-authenticated scripts need no token). The token
/// comes from <c>GET /api/account/session</c> and is sent in <c>X-CSRF-TOKEN</c> (or as the form
/// field <c>__RequestVerificationToken</c>). Runs after authorization, so a request without
/// credentials still gets its 401 first.
/// </summary>
internal static class AntiforgeryCheck
{
    public static IApplicationBuilder UseAntiforgeryForSessions(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (NeedsToken(context.Request))
            {
                var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails =
                        {
                            Status = StatusCodes.Status400BadRequest,
                            Title = "Antiforgery token missing or invalid",
                            Detail = $"Requests from the page must carry the token from GET /api/account/session in the {SessionAuthentication.AntiforgeryHeader} header; reload the page and try again. Scripts send an API key in {ApiKeyAuthenticationHandler.Header} instead.",
                            Extensions = { ["field"] = SessionAuthentication.AntiforgeryHeader },
                        },
                    });
                    return;
                }
            }

            await next(context);
        });

    private static bool NeedsToken(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method))
        && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header);
}
