using Microsoft.AspNetCore.Http.HttpResults;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Demo;

namespace StanceBoard.Dashboard.Apis;

/// <summary><c>/api/demo</c>: whether demo data is shown, and clearing it (admin).</summary>
public static class DemoApi
{
    public static IEndpointRouteBuilder MapDemoApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/demo").WithTags("Demo");
        group.MapGet("/", async Task<Ok<DemoStatus>> (DemoControl demo, CancellationToken cancellationToken) =>
                TypedResults.Ok(await demo.GetStatusAsync(cancellationToken)))
            .WithSummary("Whether demo pieces are stored and whether the replay is on");
        group.MapDelete("/", async Task<Ok<DemoCleared>> (DemoControl demo, CancellationToken cancellationToken) =>
                TypedResults.Ok(new DemoCleared(await demo.ClearAsync(cancellationToken))))
            .RequireAuthorization(Roles.CanAdminister)
            .WithSummary("Delete the demo pieces; the demo will not replay into this database again (admin)");
        return app;
    }
}

/// <summary>How many demo pieces were deleted.</summary>
public sealed record DemoCleared(int Deleted);
