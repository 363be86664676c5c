using Microsoft.AspNetCore.Http.HttpResults;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Apis;

/// <summary><c>GET /api/summary</c>: per-target totals for the page's header cards.</summary>
public static class SummaryApi
{
    public static IEndpointRouteBuilder MapSummaryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/summary", async Task<Ok<IReadOnlyList<TargetSummary>>> (IStanceStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok(await store.GetTargetSummariesAsync(cancellationToken)))
            .WithTags("Summary")
            .WithSummary("Pieces per target with their stance split");
        return app;
    }
}
