using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Model;

/// <summary>
/// The seam between scoring and the model that produces stances (an ML.NET model,
/// <see cref="StanceModel"/>). Implementations are immutable and safe to call from many threads.
/// </summary>
public interface IStanceModel
{
    /// <summary>The version that produced a prediction, stamped on every stored score.</summary>
    string Version { get; }

    /// <summary>Predicts the stance of <paramref name="text"/> towards <paramref name="target"/>.</summary>
    StancePrediction Predict(string text, TargetDefinition target);

    /// <summary>
    /// Predicts the stance of a prepared document towards each of <paramref name="targets"/>, in
    /// order. A long piece is tokenized once for all targets, so prefer this when scoring a piece.
    /// </summary>
    IReadOnlyList<StancePrediction> Predict(StanceDocument document, IReadOnlyList<TargetDefinition> targets);

    /// <summary>
    /// Predicts many (document, target) pairs at once, in order: the batch path for files and
    /// re-scoring (one ML.NET <c>Transform</c> per model part for the whole batch).
    /// </summary>
    IReadOnlyList<StancePrediction> Predict(IReadOnlyList<StanceRequest> requests, CancellationToken cancellationToken = default);
}
