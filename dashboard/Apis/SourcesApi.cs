using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Apis;

/// <summary><c>/api/sources</c>: the web sources the board polls, with health and fetch log. Reading is open; changes need the admin role.</summary>
public static class SourcesApi
{
    private const int FetchLogLines = 50;

    public static IEndpointRouteBuilder MapSourcesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sources").WithTags("Sources");
        group.MapGet("/", ListAsync).WithSummary("List web sources with their health");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One source with its latest fetch-log lines");
        group.MapPost("/", PostAsync)
            .RequireAuthorization(Roles.CanAdminister)
            .WithSummary("Add a feed, sitemap or article URL to poll (X-Api-Key with the admin role)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();
        group.MapPatch("/{id:long}", PatchAsync)
            .RequireAuthorization(Roles.CanAdminister)
            .WithSummary("Rename, pause/resume or reschedule a source (admin)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();
        group.MapPost("/{id:long}/poll", PollNowAsync)
            .RequireAuthorization(Roles.CanAdminister)
            .WithSummary("Poll a source at the next tick instead of waiting for its schedule (admin)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/{id:long}", DeleteAsync)
            .RequireAuthorization(Roles.CanAdminister)
            .WithSummary("Delete a source and its fetch log; its pieces stay (admin)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    internal static async Task<Ok<SourceDto[]>> ListAsync(ISourceStore sources, CancellationToken cancellationToken) =>
        TypedResults.Ok((await sources.ListSourcesAsync(cancellationToken)).Select(SourceDto.From).ToArray());

    internal static async Task<Results<Ok<SourceDetailDto>, NotFound<ProblemDetails>>> GetAsync(long id, ISourceStore sources, CancellationToken cancellationToken)
    {
        var source = await sources.GetSourceAsync(id, cancellationToken);
        if (source is null)
        {
            return NotFound(id);
        }

        var log = await sources.ListFetchLogAsync(id, FetchLogLines, cancellationToken);
        return TypedResults.Ok(new SourceDetailDto(SourceDto.From(source), [.. log.Select(FetchLogDto.From)]));
    }

    internal static async Task<Results<Created<SourceDto>, ValidationProblem, Conflict<ProblemDetails>>> PostAsync(
        [FromBody] SourceInput input, ISourceStore sources, CancellationToken cancellationToken)
    {
        var (source, errors) = SourceInputValidator.ValidateNew(input);
        if (source is null)
        {
            return TypedResults.ValidationProblem(errors, detail: "The source has invalid fields: " + string.Join(", ", errors.Keys) + ".");
        }

        var created = await sources.AddSourceAsync(source, cancellationToken);
        if (created is null)
        {
            var existing = await sources.FindSourceByUrlAsync(source.Url, cancellationToken);
            return TypedResults.Conflict(new ProblemDetails
            {
                Title = "Source exists",
                Detail = $"A source with url {UrlRedaction.Redact(source.Url)} already exists (id {existing?.Id}).",
                Status = StatusCodes.Status409Conflict,
                Extensions = { ["field"] = "url", ["existingId"] = existing?.Id },
            });
        }

        return TypedResults.Created($"/api/sources/{created.Id}", SourceDto.From(created));
    }

    internal static async Task<Results<Ok<SourceDto>, ValidationProblem, NotFound<ProblemDetails>>> PatchAsync(
        long id, [FromBody] SourceInput input, ISourceStore sources, CancellationToken cancellationToken)
    {
        var (patch, errors) = SourceInputValidator.ValidatePatch(input);
        if (patch is null)
        {
            return TypedResults.ValidationProblem(errors, detail: "The change has invalid fields: " + string.Join(", ", errors.Keys) + ".");
        }

        var updated = await sources.UpdateSourceAsync(id, patch, cancellationToken);
        return updated is null ? NotFound(id) : TypedResults.Ok(SourceDto.From(updated));
    }

    internal static async Task<Results<Accepted<SourceDto>, NotFound<ProblemDetails>>> PollNowAsync(long id, ISourceStore sources, TimeProvider time, CancellationToken cancellationToken)
    {
        var source = await sources.GetSourceAsync(id, cancellationToken);
        if (source is null)
        {
            return NotFound(id);
        }

        await sources.ScheduleAsync(id, time.GetUtcNow(), cancellationToken);
        return TypedResults.Accepted($"/api/sources/{id}", SourceDto.From(source with { NextPollUtc = time.GetUtcNow() }));
    }

    internal static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteAsync(long id, ISourceStore sources, CancellationToken cancellationToken) =>
        await sources.DeleteSourceAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static NotFound<ProblemDetails> NotFound(long id) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = $"There is no source {id}.", Status = StatusCodes.Status404NotFound });
}
