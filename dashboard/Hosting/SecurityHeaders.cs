namespace StanceBoard.Dashboard.Hosting;

/// <summary>
/// Security headers on every response. The page may run only its own scripts and talk only to
/// its own origin; nothing may frame it; no response is content-sniffed. API responses (chart
/// SVGs opened on their own included) get a policy that runs nothing at all.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// The page's policy. Inline style is allowed (the page sizes chart frames and probability bars
    /// with style attributes, and chart SVGs carry presentation styles); inline and foreign scripts are not.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy of API, hub and OpenAPI responses: nothing runs, nothing frames them.</summary>
    public const string ApiPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var path = context.Request.Path;
            var api = path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/openapi");
            headers.ContentSecurityPolicy = api ? ApiPolicy : PagePolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
