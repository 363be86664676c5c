using StanceBoard.Analysis.Evaluation;
using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Analysis.Model;

/// <summary>What a model is and how it was trained: saved beside the ML.NET model files in a model file.</summary>
public sealed record StanceModelInfo
{
    /// <summary>
    /// The layout of model files this build writes; a file with a higher number is refused. Format 2
    /// holds the featurizer once (<c>featurizer.zip</c>) and each part's classifier alone; format 1
    /// (still read) held a whole chain per part.
    /// </summary>
    public const int CurrentFormat = 2;

    /// <summary>The layout of this file (see <see cref="CurrentFormat"/>).</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The model version, stamped on every score it produces.</summary>
    public required string Version { get; init; }

    /// <summary>What the model reads from a text.</summary>
    public required FeatureSet Features { get; init; }

    /// <summary>Every target whose mentions the model masks, with the aliases it was trained with.</summary>
    public required IReadOnlyList<TargetInfo> KnownTargets { get; init; }

    /// <summary>The targets with a model of their own (enough labelled rows of at least two stances); any other target is scored by the shared model.</summary>
    public required IReadOnlyList<string> TrainedTargets { get; init; }

    /// <summary>The number of training rows.</summary>
    public required int Examples { get; init; }

    /// <summary>Training rows per stance: favor, against, none.</summary>
    public required IReadOnlyList<int> ClassCounts { get; init; }

    /// <summary>The L2 regularisation (λ) of the maximum-entropy trainer (<c>train --c</c>).</summary>
    public required double L2 { get; init; }

    /// <summary>The folds of the cross-validation that chose λ or measured the model (0 when none ran).</summary>
    public required int CrossValidationFolds { get; init; }

    /// <summary>Out-of-fold metrics of the chosen λ (slightly optimistic when λ was chosen on the same folds), or <see langword="null"/>.</summary>
    public StanceMetrics? CrossValidation { get; init; }

    /// <summary>SHA-256 (hex) of the training rows (text, target, stance), independent of row order.</summary>
    public required string DataHash { get; init; }

    /// <summary>The seed the model was trained with.</summary>
    public required int Seed { get; init; }

    /// <summary>The most sentences in a training text; a longer text is scored sentence by sentence over the sentences naming the target.</summary>
    public required int MaxSentences { get; init; }

    /// <summary>The length of the sentence embeddings the model reads (0 without embeddings).</summary>
    public int EmbeddingDimension { get; init; }

    /// <summary>Whether the dense features include the embedding interactions u⊙v and |u−v| with the target.</summary>
    public bool EmbeddingInteractions { get; init; }

    /// <summary>SHA-256 (hex) of each ML.NET part file, in order (part-0.zip first): a damaged file is refused, not half-loaded.</summary>
    public IReadOnlyList<string> PartHashes { get; init; } = [];

    /// <summary>SHA-256 (hex) of <c>featurizer.zip</c> (format 2), or <see langword="null"/> (format 1).</summary>
    public string? FeaturizerHash { get; init; }

    /// <summary>Wall-clock seconds the featurizer and the final classifiers took (without cross-validation).</summary>
    public double FitSeconds { get; init; }
}

/// <summary>A target as a model file records it.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Aliases">The names that count as a mention, the name first.</param>
public sealed record TargetInfo(string Name, IReadOnlyList<string> Aliases);
