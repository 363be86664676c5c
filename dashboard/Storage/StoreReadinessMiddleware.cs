using Microsoft.AspNetCore.Mvc;

namespace StanceBoard.Dashboard.Storage;

/// <summary>Until the store is prepared, API calls other than the health check answer 503 with the reason.</summary>
internal sealed class StoreReadinessMiddleware(RequestDelegate next, StoreReadiness readiness)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (readiness.IsReady || !context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/api/health"))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        await Results.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The store is starting",
            Detail = readiness.Problem ?? "The store is being prepared; retry in a few seconds.",
        }).ExecuteAsync(context);
    }
}
