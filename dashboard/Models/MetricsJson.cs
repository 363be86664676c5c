using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using StanceBoard.Analysis.Evaluation;

namespace StanceBoard.Dashboard.Models;

/// <summary>Metrics as JSON, as the CLI prints them and the store keeps them: snake_case, target names as they are.</summary>
internal static class MetricsJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string? Serialize(StanceMetrics? metrics) => metrics is null ? null : JsonSerializer.Serialize(metrics, Options);
}
