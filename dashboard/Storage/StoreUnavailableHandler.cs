using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace StanceBoard.Dashboard.Storage;

/// <summary>
/// A request that failed because the store cannot be reached answers 503 problem+json (retry
/// later), not a bare 500; nothing it asked for was stored, so a retry is safe.
/// </summary>
internal sealed class StoreUnavailableHandler(IProblemDetailsService problems, ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!StoreErrors.IsUnavailable(exception))
        {
            return false;
        }

        logger.LogWarning("{Method} {Path} failed: the store is not available ({Message})", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The store is not available",
                Detail = "The database did not answer; nothing was changed. Retry in a few seconds.",
            },
        });
    }
}
