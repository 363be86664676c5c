using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Analysis.Training;

/// <summary>Derives a model version from what determines the model: data, options, C and seed.</summary>
internal static class ModelVersion
{
    public static string Derive(TrainingSummary summary, FeaturizerOptions featurizer)
    {
        var key = string.Join(
            '|',
            summary.DataHash,
            summary.C.ToString("R", CultureInfo.InvariantCulture),
            summary.Seed.ToString(CultureInfo.InvariantCulture),
            JsonSerializer.Serialize(featurizer));
        return "m-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
    }
}
