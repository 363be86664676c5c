using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Apis;

/// <summary>
/// <c>GET /api/health</c>: the ASP.NET Core health checks (the store's, <see cref="StoreHealthCheck"/>),
/// reported with what the scorer uses; 503 when a check fails.
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", CheckAsync).WithTags("Health").WithSummary("Checks the store; 503 when it does not answer");
        return app;
    }

    internal static async Task<Results<Ok<HealthDto>, JsonHttpResult<HealthDto>>> CheckAsync(HealthCheckService checks, ScorerProvider scorers, StoreReadiness readiness, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(cancellationToken);
        var healthy = report.Status != HealthStatus.Unhealthy;
        var health = report.Entries.TryGetValue(StoreHealthCheck.Name, out var entry) && entry.Data.TryGetValue(StoreHealthCheck.DataKey, out var data) && data is StoreHealth stored
            ? stored
            : new StoreHealth(false, "unknown", 0, 0, entry.Exception?.Message ?? entry.Description ?? "The store check did not run.");
        if (health.Ok && !readiness.IsReady)
        {
            // The store answers, but the first-start work on it (migrations, the model) is not done yet.
            health = health with { Ok = false, Error = readiness.Problem ?? "The store is being prepared (migrations, the active model)." };
            healthy = false;
        }

        var scorer = scorers.Current;
        var dto = new HealthDto(
            healthy ? "healthy" : "unhealthy",
            new StoreHealthDto(health.Provider, health.Ok, health.SchemaVersion, health.Pieces, health.Error),
            scorer.Targets.Targets.Select(t => t.Name).ToArray(),
            scorer.Model?.Version);
        return healthy ? TypedResults.Ok(dto) : TypedResults.Json(dto, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>The health report.</summary>
public sealed record HealthDto(string Status, StoreHealthDto Store, IReadOnlyList<string> Targets, string? ModelVersion);

/// <summary>The store's part of the health report.</summary>
public sealed record StoreHealthDto(string Provider, bool Ok, int SchemaVersion, long Pieces, string? Error);
