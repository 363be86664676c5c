using Microsoft.ML;
using Microsoft.ML.Data;

namespace StanceBoard.Analysis.Training;

/// <summary>
/// Every training row featurized once: the fitted featurizer (shared by all model parts), the
/// schema it reads and writes, and each row's feature vector. Per-target parts, cross-validation
/// folds and λ values all train their classifiers on these vectors, so a fit runs the n-gram
/// featurizer once instead of once per part, fold and final fit.
/// </summary>
internal sealed record FeaturizedRows(MLContext Context, ITransformer Featurizer, DataViewSchema InputSchema, VBuffer<float>[] Vectors, int Size)
{
    /// <summary>The schema of the featurizer's output (what a part's classifier reads).</summary>
    public DataViewSchema OutputSchema => Featurizer.GetOutputSchema(InputSchema);
}
