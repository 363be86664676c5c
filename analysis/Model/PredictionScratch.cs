using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Analysis.Model;

/// <summary>Per-call working memory of a prediction, pooled so predicting allocates little.</summary>
internal sealed class PredictionScratch(FeaturizerOptions options, int columns)
{
    public DocumentHasher Hasher { get; } = new(options);

    public VectorBuilder Builder { get; } = new(columns);

    public List<int> Buckets { get; } = new(1024);

    /// <summary>Final feature values by column (only the touched columns are set).</summary>
    public float[] Values { get; } = new float[columns];
}
