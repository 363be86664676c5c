using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using StanceBoard.Analysis.Evaluation;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;

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

    /// <summary>
    /// What the store keeps for a version: its cross-validated metrics (when measured) with the
    /// engine, feature set, λ and targets with their own model, so the Model page can say which.
    /// </summary>
    public static string Describe(StanceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var node = model.Info.CrossValidation is { } metrics
            ? JsonSerializer.SerializeToNode(metrics, Options)!.AsObject()
            : [];
        node["engine"] = "ml.net";
        node["features"] = FeatureSetText.ToText(model.Features);
        node["l2"] = model.Info.L2;
        node["cv_folds"] = model.Info.CrossValidationFolds;
        node["trained_targets"] = new JsonArray(model.TrainedTargets.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        return node.ToJsonString(Options);
    }
}
