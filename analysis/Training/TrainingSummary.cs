using StanceBoard.Analysis.Evaluation;

namespace StanceBoard.Analysis.Training;

/// <summary>What a model was trained on and how it was chosen; saved with the model.</summary>
public sealed record TrainingSummary
{
    /// <summary>The number of training examples.</summary>
    public required int Examples { get; init; }

    /// <summary>The training targets, as the model knows them.</summary>
    public required IReadOnlyList<string> Targets { get; init; }

    /// <summary>Examples per stance: favor, against, none.</summary>
    public required IReadOnlyList<int> ClassCounts { get; init; }

    /// <summary>The C the model was fitted with.</summary>
    public required double C { get; init; }

    /// <summary>The folds of the cross-validation that chose C and calibrated the probabilities (0 when none ran).</summary>
    public required int CrossValidationFolds { get; init; }

    /// <summary>
    /// Out-of-fold metrics of the chosen C. Slightly optimistic, since C was chosen on the same
    /// folds; <see cref="Evaluation.CrossValidator"/> gives an unbiased estimate.
    /// </summary>
    public StanceMetrics? CrossValidation { get; init; }

    /// <summary>SHA-256 (hex) of the training rows (text, target, stance), independent of row order.</summary>
    public required string DataHash { get; init; }

    /// <summary>The seed the model was trained with.</summary>
    public required int Seed { get; init; }

    /// <summary>The number of features (vocabulary columns) kept.</summary>
    public required int Features { get; init; }

    /// <summary>
    /// The most sentences in a training text. A text with more is longer than anything the
    /// model has seen, so it is scored sentence by sentence (see <see cref="Model.StanceClassifier"/>).
    /// </summary>
    public int MaxSentences { get; init; } = int.MaxValue;
}
