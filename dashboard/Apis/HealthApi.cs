using Microsoft.AspNetCore.Http.HttpResults;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Apis;

/// <summary><c>GET /api/health</c>: whether the store answers, and what the scorer uses.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", CheckAsync).WithTags("Health").WithSummary("Checks the store; 503 when it does not answer");
        return app;
    }

    internal static async Task<Results<Ok<HealthDto>, JsonHttpResult<HealthDto>>> CheckAsync(IStanceStore store, ScorerProvider scorers, StoreReadiness readiness, CancellationToken cancellationToken)
    {
        var health = await store.CheckHealthAsync(cancellationToken);
        if (health.Ok && !readiness.IsReady)
        {
            // The store answers, but the first-start work on it (migrations, the model) is not done yet.
            health = health with { Ok = false, Error = readiness.Problem ?? "The store is being prepared (migrations, the active model)." };
        }

        var scorer = scorers.Current;
        var dto = new HealthDto(
            health.Ok ? "healthy" : "unhealthy",
            new StoreHealthDto(health.Provider, health.Ok, health.SchemaVersion, health.Pieces, health.Error),
            scorer.Targets.Targets.Select(t => t.Name).ToArray(),
            scorer.Model?.Version);
        return health.Ok ? TypedResults.Ok(dto) : TypedResults.Json(dto, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>The health report.</summary>
public sealed record HealthDto(string Status, StoreHealthDto Store, IReadOnlyList<string> Targets, string? ModelVersion);

/// <summary>The store's part of the health report.</summary>
public sealed record StoreHealthDto(string Provider, bool Ok, int SchemaVersion, long Pieces, string? Error);
