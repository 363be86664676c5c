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
