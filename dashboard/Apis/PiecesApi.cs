using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Apis;

/// <summary><c>/api/pieces</c>: push a piece in, list and read stored pieces.</summary>
public static class PiecesApi
{
    /// <summary>Largest accepted request body.</summary>
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    /// <summary>Longest accepted text.</summary>
    public const int MaxTextChars = 1_000_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    public static IEndpointRouteBuilder MapPiecesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pieces").WithTags("Pieces");
        group.MapPost("/", PostAsync)
            .RequireAuthorization(Roles.CanWrite)
            .Accepts<PieceInput>("application/json")
            .WithSummary("Store and score a piece (X-Api-Key with the admin or annotator role)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem();
        group.MapGet("/", ListAsync).WithSummary("List pieces, newest first, with their scores");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One piece with its text and scores");
        return app;
    }

    internal static async Task<Results<Created<PieceDto>, Ok<PieceDto>, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpRequest request, PieceProcessor processor, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                detail: "Send the piece as JSON with Content-Type: application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type");
        }

        var body = await BoundedBody.ReadAsync(request.Body, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge();
        }

        PieceInput? input;
        try
        {
            input = JsonSerializer.Deserialize<PieceInput>(body, Json);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1})") : string.Empty;
            return TypedResults.Problem(
                detail: $"The body is not a valid piece object{where}: {FirstSentence(ex.Message)}",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Malformed JSON");
        }

        if (input is null)
        {
            return TypedResults.Problem(detail: "The body is empty; send a JSON object with title and text.", statusCode: StatusCodes.Status400BadRequest, title: "Empty body");
        }

        var (piece, errors) = PieceInputValidator.Validate(input);
        if (piece is null)
        {
            return TypedResults.ValidationProblem(errors, detail: "The piece has invalid fields: " + string.Join(", ", errors.Keys) + ".");
        }

        var result = await processor.ProcessAsync(piece, cancellationToken: cancellationToken);
        return result.IsNew
            ? TypedResults.Created($"/api/pieces/{result.Piece.Id}", result.Piece)
            : TypedResults.Ok(result.Piece);
    }

    internal static async Task<Results<Ok<IReadOnlyList<PieceDto>>, ValidationProblem>> ListAsync(
        IStanceStore store,
        CancellationToken cancellationToken,
        [FromQuery] string? limit = null,
        [FromQuery] string? before = null,
        [FromQuery] string? from = null,
        [FromQuery] string? to = null,
        [FromQuery] string? authors = null,
        [FromQuery] string? outlets = null,
        [FromQuery] string? targets = null)
    {
        var errors = new Dictionary<string, string[]>();
        var limitValue = QueryValues.ParseWhole(limit, "limit", 1, 500, errors);
        var beforeId = QueryValues.ParseWhole(before, "before", 1, long.MaxValue, errors);
        var fromDate = QueryValues.ParseDate(from, "from", errors);
        var toDate = QueryValues.ParseDate(to, "to", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var pieces = await store.ListPiecesAsync(
            new PieceQuery
            {
                Limit = (int)(limitValue ?? 50),
                BeforeId = beforeId,
                From = fromDate,
                To = toDate,
                Authors = QueryValues.SplitList(authors),
                Outlets = QueryValues.SplitList(outlets),
                Targets = QueryValues.SplitList(targets),
            },
            cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PieceDto>>(pieces.Select(PieceDto.From).ToArray());
    }

    internal static async Task<Results<Ok<PieceDetailDto>, NotFound<ProblemDetails>>> GetAsync(long id, IStanceStore store, CancellationToken cancellationToken)
    {
        var piece = await store.GetPieceAsync(id, cancellationToken);
        if (piece is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = $"There is no piece {id}.", Status = 404 });
        }

        var copies = piece.DuplicateOf is null ? await store.ListCopiesAsync(id, cancellationToken) : [];
        return TypedResults.Ok(PieceDetailDto.From(piece, copies));
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        detail: $"The body is larger than {MaxBodyBytes / 1024 / 1024} MB.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Payload too large");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
