using Microsoft.AspNetCore.Http.HttpResults;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Apis;

/// <summary><c>/api/models</c>: stance model versions, promotion and rollback (admin), and re-scoring progress.</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/model", async Task<Results<Ok<ModelOverview>, NotFound>> (IModelStore store, ModelRegistry registry, CancellationToken cancellationToken) =>
            {
                var versions = await store.ListAsync(cancellationToken);
                var active = versions.FirstOrDefault(v => v.IsActive);
                return active is null
                    ? TypedResults.NotFound()
                    : TypedResults.Ok(new ModelOverview(ActiveModel.From(active), versions, await registry.UnloadableAsync(cancellationToken)));
            })
            .WithTags("Models")
            .WithSummary("The active model version with its cross-validated metrics, and every version");
        var group = app.MapGroup("/api/models").WithTags("Models");
        group.MapGet("/", async Task<Ok<IReadOnlyList<ModelVersionInfo>>> (IModelStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok(await store.ListAsync(cancellationToken)))
            .WithSummary("Model versions, newest first, with metrics and which one is active");
        group.MapPost("/{version}/promote", async Task<Results<Ok<ModelVersionInfo>, ProblemHttpResult>> (string version, ModelRegistry registry, CancellationToken cancellationToken) =>
            {
                try
                {
                    return TypedResults.Ok(await registry.PromoteAsync(version, cancellationToken));
                }
                catch (KeyNotFoundException ex)
                {
                    return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
                }
                catch (ModelFormatException ex)
                {
                    return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
                }
            })
            .RequireAuthorization(Roles.CanAdminister)
            .WithSummary("Make a version active; stored pieces are re-scored in the background (admin)");
        group.MapPost("/rollback", async Task<Results<Ok<ModelVersionInfo>, ProblemHttpResult>> (ModelRegistry registry, CancellationToken cancellationToken) =>
                await registry.RollbackAsync(cancellationToken) is { } info
                    ? TypedResults.Ok(info)
                    : TypedResults.Problem("There is no earlier active version to roll back to.", statusCode: StatusCodes.Status409Conflict))
            .RequireAuthorization(Roles.CanAdminister)
            .WithSummary("Re-activate the version active before the current one (admin)");
        group.MapGet("/rescore", Results<Ok<RescoreProgress>, NoContent> (RescoreService rescore) =>
                rescore.Last is { } last ? TypedResults.Ok(last) : TypedResults.NoContent())
            .WithSummary("Progress of the latest re-scoring of stored pieces");
        group.MapDelete("/rescore", NoContent (RescoreService rescore) =>
            {
                rescore.Cancel();
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Roles.CanAdminister)
            .WithSummary("Cancel the re-scoring in progress (admin)");
        return app;
    }
}

/// <summary>The model page's data: the active version, all versions (newest first), and the versions that cannot be loaded with the reason.</summary>
public sealed record ModelOverview(ActiveModel Active, IReadOnlyList<ModelVersionInfo> Versions, IReadOnlyDictionary<string, string> Unloadable);

/// <summary>The active version with its metrics as a JSON object (f_avg, f_favor, f_against, macro_f1, accuracy, count, per_target, confusion).</summary>
public sealed record ActiveModel(string Version, DateTimeOffset CreatedUtc, string? Source, int? Examples, System.Text.Json.JsonElement? Metrics)
{
    public static ActiveModel From(ModelVersionInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        System.Text.Json.JsonElement? metrics = info.MetricsJson is { } json ? System.Text.Json.JsonDocument.Parse(json).RootElement.Clone() : null;
        return new ActiveModel(info.Version, info.CreatedUtc, info.Source, info.Examples, metrics);
    }
}
