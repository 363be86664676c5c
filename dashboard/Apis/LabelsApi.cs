using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Data;
using StanceBoard.Dashboard.Accounts;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Labelling;
using StanceBoard.Dashboard.Labelling.Agreement;
using StanceBoard.Dashboard.Labelling.Files;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Apis;

/// <summary>
/// <c>/api/labels</c>: the label queue, saving labels (annotators and admins, by session or API key),
/// a piece's labels and their history, export and import, agreement and adjudication (admin).
/// </summary>
public static class LabelsApi
{
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapLabelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/labels").WithTags("Labels");
        group.MapGet("/queue/next", NextAsync).RequireAuthorization(Roles.CanWrite)
            .WithSummary("The next piece to label for the caller, chosen by active learning (blind=true hides the model's verdict)");
        group.MapGet("/pieces/{id:long}", PieceAsync).RequireAuthorization(Roles.CanWrite)
            .WithSummary("A piece as the queue shows it, with the caller's current labels (for going back, and for corrections)");
        group.MapGet("/pieces/{id:long}/history", HistoryAsync).RequireAuthorization(Roles.CanWrite)
            .WithSummary("Every label version of a piece: who labelled what, when, and what it replaced");
        group.MapPost("/", SaveAsync).RequireAuthorization(Roles.CanWrite)
            .Accepts<LabelsInput>("application/json")
            .WithSummary("Save the caller's labels of a piece (one per target); 409 when checkBase is set and a label changed meanwhile")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/skip", SkipAsync).RequireAuthorization(Roles.CanWrite)
            .Accepts<SkipInput>("application/json")
            .WithSummary("Skip a piece: the queue does not offer it to the caller again");
        group.MapGet("/stats", StatsAsync)
            .WithSummary("How many labels there are, per target and annotator, and how many pieces the queue has left");
        group.MapGet("/agreement", AgreementAsync).RequireAuthorization(Roles.CanWrite)
            .WithSummary("Agreement per target (Cohen's kappa, Krippendorff's alpha) and, for admins, the disagreements to adjudicate");
        group.MapPost("/adjudicate", AdjudicateAsync).RequireAuthorization(Roles.CanAdminister)
            .Accepts<AdjudicationInput>("application/json")
            .WithSummary("Decide a disagreement: the admin's stance becomes the gold label (admin)")
            .ProducesValidationProblem();
        group.MapGet("/export", ExportAsync).RequireAuthorization(Roles.CanWrite)
            .WithSummary("Labels as CSV or JSONL (format=csv|jsonl, scope=current|gold|history) in the text,target,stance format train --data reads");
        group.MapPost("/import", ImportAsync).RequireAuthorization(Roles.CanAdminister)
            .WithSummary("Import a CSV or JSONL label file sent as the body (Content-Type text/csv or application/x-ndjson); bad rows are reported by line, the rest imported (admin)");
        return app;
    }

    internal static async Task<Results<Ok<QueueItemDto>, NoContent>> NextAsync(
        HttpContext context, LabelQueue queue, IStanceStore pieces, ILabelStore labels, CancellationToken cancellationToken, [FromQuery] bool blind = false)
    {
        var annotator = SessionClaims.Actor(context.User)!;
        context.Response.Headers.CacheControl = "no-store";
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await queue.NextAsync(annotator, cancellationToken) is not { } pick)
            {
                return TypedResults.NoContent();
            }

            // A piece deleted between the pick and now is passed over.
            if (await pieces.GetPieceAsync(pick.PieceId, cancellationToken) is { } piece)
            {
                var mine = (await labels.ListForPieceAsync(piece.Id, false, cancellationToken)).Where(l => Same(l.Annotator, annotator)).ToArray();
                var open = await queue.CountOpenAsync(cancellationToken);
                return TypedResults.Ok(QueueItemDto.From(piece, mine, blind, pick, new QueueProgressDto(pick.Labelled, pick.Holdout, open)));
            }
        }

        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<QueueItemDto>, NotFound<ProblemDetails>, ProblemHttpResult>> PieceAsync(
        long id, HttpContext context, IStanceStore pieces, ILabelStore labels, CancellationToken cancellationToken, [FromQuery] bool blind = false)
    {
        var annotator = SessionClaims.Actor(context.User)!;
        var piece = await pieces.GetPieceAsync(id, cancellationToken);
        if (piece is null)
        {
            return PieceNotFound(id);
        }

        if (LabelService.CheckLabellable(piece) is { } refusal)
        {
            return TypedResults.Problem(refusal, statusCode: StatusCodes.Status400BadRequest, title: "Not labellable");
        }

        var mine = (await labels.ListForPieceAsync(piece.Id, false, cancellationToken)).Where(l => Same(l.Annotator, annotator)).ToArray();
        return TypedResults.Ok(QueueItemDto.From(piece, mine, blind, null, null));
    }

    internal static async Task<Results<Ok<LabelDto[]>, NotFound<ProblemDetails>>> HistoryAsync(long id, IStanceStore pieces, ILabelStore labels, CancellationToken cancellationToken)
    {
        var history = await labels.ListForPieceAsync(id, true, cancellationToken);
        if (history.Count == 0 && await pieces.GetPieceAsync(id, cancellationToken) is null)
        {
            return PieceNotFound(id);
        }

        return TypedResults.Ok(history.Select(LabelDto.From).ToArray());
    }

    internal static async Task<Results<Ok<SavedLabelsDto>, ProblemHttpResult, NotFound<ProblemDetails>, Conflict<LabelConflictsDto>>> SaveAsync(
        HttpContext context, LabelService service, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<LabelsInput>(context.Request, MaxBodyBytes, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        var outcome = await service.SaveAsync(input, SessionClaims.Actor(context.User)!, cancellationToken);
        return Answer(outcome);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult, NotFound<ProblemDetails>>> SkipAsync(
        HttpContext context, IStanceStore pieces, ILabelStore labels, LabelQueue queue, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<SkipInput>(context.Request, 4096, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        if (input.PieceId is not { } id)
        {
            return Invalid("pieceId", "pieceId is required.");
        }

        if (await pieces.GetPieceAsync(id, cancellationToken) is null)
        {
            return PieceNotFound(id);
        }

        var annotator = SessionClaims.Actor(context.User)!;
        await labels.SkipAsync(id, annotator, cancellationToken);
        queue.Release(id, annotator);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<LabelStatsDto>> StatsAsync(ILabelStore labels, IOptions<LabellingOptions> options, CancellationToken cancellationToken)
    {
        var counts = await labels.CountAsync(cancellationToken);
        return TypedResults.Ok(new LabelStatsDto(
            counts.Labels, counts.Units, counts.HoldoutUnits, counts.Revisions, counts.OpenPieces, counts.PerTarget, counts.PerAnnotator.Count,
            options.Value.EvaluationShare, options.Value.DoubleAnnotationShare));
    }

    internal static async Task<Ok<AgreementReport>> AgreementAsync(HttpContext context, ILabelStore labels, CancellationToken cancellationToken)
    {
        var report = await AgreementReport.BuildAsync(labels.ReadAllAsync(false, cancellationToken), cancellationToken);
        return TypedResults.Ok(context.User.IsInRole(Roles.Admin) ? report : report with { Disagreements = [] });
    }

    internal static async Task<Results<Ok<SavedLabelsDto>, ProblemHttpResult, NotFound<ProblemDetails>, Conflict<LabelConflictsDto>>> AdjudicateAsync(
        HttpContext context, LabelService service, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<AdjudicationInput>(context.Request, 16 * 1024, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        return Answer(await service.AdjudicateAsync(input, SessionClaims.Actor(context.User)!, cancellationToken));
    }

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportAsync(
        HttpContext context, ILabelStore labels, CancellationToken cancellationToken, [FromQuery] string? format = null, [FromQuery] string? scope = null)
    {
        var fileFormat = LabelFileFormat.Csv;
        if (format is not null && !LabelFileFormats.TryParse(format, out fileFormat))
        {
            return Invalid("format", $"format '{Clip(format)}' is not csv or jsonl.");
        }

        var exportScope = LabelExportScope.Current;
        if (scope is not null && !Enum.TryParse(scope, ignoreCase: true, out exportScope))
        {
            return Invalid("scope", $"scope '{Clip(scope)}' is not current, gold or history.");
        }

        context.Response.ContentType = LabelFileFormats.ContentType(fileFormat);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"labels-{exportScope.ToString().ToLowerInvariant()}.{LabelFileFormats.Extension(fileFormat)}\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), leaveOpen: true);
        await LabelExporter.WriteAsync(writer, fileFormat, exportScope, labels.ReadAllAsync(exportScope == LabelExportScope.History, cancellationToken), cancellationToken);
        return TypedResults.Empty;
    }

    internal static async Task<Results<Ok<LabelImportReport>, ProblemHttpResult>> ImportAsync(
        HttpContext context, LabelImporter importer, IOptions<LabellingOptions> options, CancellationToken cancellationToken, [FromQuery] string? format = null, [FromQuery] string? annotator = null)
    {
        var request = context.Request;
        var fileFormat = LabelFileFormats.FromContentType(request.ContentType);
        if (format is not null)
        {
            if (!LabelFileFormats.TryParse(format, out var asked))
            {
                return Invalid("format", $"format '{Clip(format)}' is not csv or jsonl.");
            }

            fileFormat = asked;
        }

        if (fileFormat is null)
        {
            return TypedResults.Problem("Send the file as the body with Content-Type text/csv or application/x-ndjson (or say format=csv|jsonl).", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        var limit = (int)Math.Min(int.MaxValue, options.Value.MaxImportBytes);
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        var body = await BoundedBody.ReadAsync(request.Body, limit, cancellationToken);
        if (body is null)
        {
            return TooLarge(limit);
        }

        var importedAs = string.IsNullOrWhiteSpace(annotator) ? SessionClaims.Actor(context.User)! : annotator.Trim();
        if (AccountRules.CheckName(importedAs) is { } nameError && !importedAs.StartsWith("key:", StringComparison.Ordinal))
        {
            return Invalid("annotator", nameError);
        }

        try
        {
            using var stream = new MemoryStream(body, writable: false);
            return TypedResults.Ok(await importer.ImportAsync(stream, fileFormat.Value, importedAs, cancellationToken));
        }
        catch (LabelFileException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Unusable label file");
        }
    }

    private static Results<Ok<SavedLabelsDto>, ProblemHttpResult, NotFound<ProblemDetails>, Conflict<LabelConflictsDto>> Answer(LabelSaveOutcome outcome)
    {
        if (outcome.NotFound is { } missing)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = missing, Status = StatusCodes.Status404NotFound });
        }

        if (outcome.Errors is { } errors)
        {
            var (field, messages) = errors.First();
            return Invalid(field, messages[0]);
        }

        var result = outcome.Result!;
        if (result.HasConflicts)
        {
            return TypedResults.Conflict(new LabelConflictsDto(
                "A label changed since you opened this piece (another tab or session); nothing was saved. Review the current labels and save again.",
                result.Conflicts.Select(c => new LabelConflictDto(c.Target, c.BaseId, c.Current is null ? null : LabelDto.From(c.Current))).ToArray()));
        }

        return TypedResults.Ok(new SavedLabelsDto(result.UnitId, result.Saved.Select(LabelDto.From).ToArray(), result.Unchanged.Select(LabelDto.From).ToArray()));
    }

    private static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid " + field,
            Detail = message,
        });

    private static NotFound<ProblemDetails> PieceNotFound(long id) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = $"There is no piece {id}: it was deleted or never stored.", Status = StatusCodes.Status404NotFound });

    private static ProblemHttpResult TooLarge(int limit) =>
        TypedResults.Problem($"The file is larger than {limit:N0} bytes (Labelling:MaxImportBytes).", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>What a save stored: new versions, and labels left as they were.</summary>
public sealed record SavedLabelsDto(long UnitId, IReadOnlyList<LabelDto> Saved, IReadOnlyList<LabelDto> Unchanged);

/// <summary>A 409: the labels that changed since the sender saw them.</summary>
public sealed record LabelConflictsDto(string Detail, IReadOnlyList<LabelConflictDto> Conflicts);

/// <summary>One conflicting label: what the sender saw (its id) and what is current now.</summary>
public sealed record LabelConflictDto(string Target, long? BaseId, LabelDto? Current);

/// <summary>Label counts for the model page.</summary>
public sealed record LabelStatsDto(
    long Labels,
    long Units,
    long HoldoutUnits,
    long Revisions,
    long OpenPieces,
    IReadOnlyDictionary<string, long> PerTarget,
    int Annotators,
    double EvaluationShare,
    double DoubleAnnotationShare);
