using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Training;

/// <summary>Derives a model version from what determines the model: data, feature set, λ, seed and options.</summary>
internal static class ModelVersion
{
    public static string Derive(StanceModelInfo info, StanceModelTrainerOptions options)
    {
        var key = string.Join(
            '|',
            "mlnet-1",
            info.DataHash,
            FeatureSetText.ToText(info.Features),
            info.L2.ToString("R", CultureInfo.InvariantCulture),
            info.Seed.ToString(CultureInfo.InvariantCulture),
            info.EmbeddingInteractions,
            options.MinExamplesPerTarget.ToString(CultureInfo.InvariantCulture),
            options.ClassWeighting,
            Configuration(options),
            string.Join(';', info.KnownTargets.Select(t => t.Name + ":" + string.Join(',', t.Aliases))));
        return "m-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
    }

    /// <summary>The featurizer's and classifier's settings (a model fitted with other settings is another model).</summary>
    private static string Configuration(StanceModelTrainerOptions o) => string.Create(
        CultureInfo.InvariantCulture,
        $"w1-{o.WordNgramMaxLength},c{o.ResolvedCharNgramMinLength}-{o.CharNgramMaxLength},{o.NgramWeighting},{o.MaxNgramsPerLength},{o.MinNgramRows},{o.ResolvedClassifier},{o.MaximumIterations},{o.OptimizationTolerance:R},{o.HistorySize}");
}
