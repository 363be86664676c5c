using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace StanceBoard.Dashboard.Apis;

/// <summary>Reads a small JSON request body with a size limit, answering bad input with a problem that says what was wrong.</summary>
internal static class JsonBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer with.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem("Send the body as JSON with Content-Type: application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"));
        }

        var body = await BoundedBody.ReadAsync(request.Body, maxBytes, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge(maxBytes));
        }

        try
        {
            var value = body.Length == 0 ? null : JsonSerializer.Deserialize<T>(body, Json);
            return value is null
                ? (null, TypedResults.Problem("The body is empty; send a JSON object.", statusCode: StatusCodes.Status400BadRequest, title: "Empty body"))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1})") : string.Empty;
            var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? string.Empty : $" at {ex.Path}";
            return (null, TypedResults.Problem($"The body is not valid JSON for this request{path}{where}.", statusCode: StatusCodes.Status400BadRequest, title: "Malformed JSON"));
        }
    }

    private static ProblemHttpResult TooLarge(int maxBytes) => TypedResults.Problem(
        string.Create(CultureInfo.InvariantCulture, $"The body is larger than {maxBytes:N0} bytes."),
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Payload too large");
}
