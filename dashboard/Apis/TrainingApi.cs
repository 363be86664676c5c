using Microsoft.AspNetCore.Http.HttpResults;
using StanceBoard.Dashboard.Accounts;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Labelling.Training;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Apis;

/// <summary>
/// <c>/api/training</c>: training runs from the model page. Anyone may watch; starting, cancelling,
/// promoting and discarding need the admin role. Rollback stays <c>POST /api/models/rollback</c>.
/// </summary>
public static class TrainingApi
{
    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/training").WithTags("Training");
        group.MapGet("/", async Task<Ok<TrainingOverview>> (TrainingRunService training, CancellationToken cancellationToken) =>
                TypedResults.Ok(new TrainingOverview(await training.GetLatestAsync(cancellationToken), await training.ListAsync(10, cancellationToken))))
            .WithSummary("The latest training run (progress, comparison, learning curve) and the ten before it");
        group.MapPost("/", StartAsync).RequireAuthorization(Roles.CanAdminister)
            .WithSummary("Start a training run on the stored labels plus the bootstrap corpus at a weight (admin); progress comes over the hub as trainingProgress")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/", Results<NoContent, ProblemHttpResult> (TrainingRunService training) =>
                training.Cancel()
                    ? TypedResults.NoContent()
                    : TypedResults.Problem("No training run is in progress.", statusCode: StatusCodes.Status409Conflict, title: "Nothing to cancel"))
            .RequireAuthorization(Roles.CanAdminister)
            .WithSummary("Cancel the training run in progress, or its learning curve (admin)");
        group.MapPost("/{id:long}/promote", async Task<Results<Ok<ModelVersionInfo>, ProblemHttpResult>> (long id, HttpContext context, TrainingRunService training, CancellationToken cancellationToken) =>
            {
                var (info, status, error) = await training.PromoteAsync(id, SessionClaims.Actor(context.User)!, cancellationToken);
                return info is null ? TypedResults.Problem(error, statusCode: status) : TypedResults.Ok(info);
            })
            .RequireAuthorization(Roles.CanAdminister)
            .WithSummary("Make the run's candidate the active version; stored pieces are re-scored (admin)");
        group.MapPost("/{id:long}/discard", async Task<Results<NoContent, ProblemHttpResult>> (long id, HttpContext context, TrainingRunService training, CancellationToken cancellationToken) =>
            {
                var (status, error) = await training.DiscardAsync(id, SessionClaims.Actor(context.User)!, cancellationToken);
                return error is null ? TypedResults.NoContent() : TypedResults.Problem(error, statusCode: status);
            })
            .RequireAuthorization(Roles.CanAdminister)
            .WithSummary("Keep the active version and set the run's candidate aside (admin)");
        return app;
    }

    internal static async Task<Results<Accepted<TrainingStatus>, ProblemHttpResult>> StartAsync(HttpContext context, TrainingRunService training, CancellationToken cancellationToken)
    {
        TrainingRequest request = new(null);
        if (context.Request.ContentLength is > 0 || context.Request.ContentType is not null)
        {
            var (input, problem) = await JsonBody.ReadAsync<TrainingRequest>(context.Request, 4096, cancellationToken);
            if (input is null)
            {
                return problem!;
            }

            request = input;
        }

        var (status, error) = await training.StartAsync(request, SessionClaims.Actor(context.User)!, cancellationToken);
        if (status is null)
        {
            return TypedResults.Problem(error, statusCode: error!.StartsWith("bootstrapWeight", StringComparison.Ordinal) ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict);
        }

        return TypedResults.Accepted("/api/training", status);
    }
}

/// <summary>The latest run and the ones before it.</summary>
public sealed record TrainingOverview(TrainingStatus? Latest, IReadOnlyList<TrainingStatus> Runs);
