using Microsoft.ML.Data;

namespace StanceBoard.Analysis.Training;

/// <summary>A training row after featurization: its feature vector (read once per fit), stance label and weight.</summary>
internal sealed class FeatureRow
{
    public VBuffer<float> Features { get; set; }

    public string Label { get; set; } = "none";

    public float Weight { get; set; } = 1;
}
