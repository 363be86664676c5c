using StanceBoard.Analysis.Embeddings;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Training;

/// <summary>Options of <see cref="StanceModelTrainer"/>.</summary>
public sealed class StanceModelTrainerOptions
{
    /// <summary>The defaults.</summary>
    public static class Defaults
    {
        /// <summary>The L2 strengths tried by cross-validation when <see cref="L2"/> is not set (ML.NET's default of 1 underfits sparse n-grams).</summary>
        public static IReadOnlyList<double> CandidateL2 { get; } = [0.03, 0.1, 0.3, 1.0];

        /// <summary>5 folds.</summary>
        public const int CrossValidationFolds = 5;

        /// <summary>Seed 1.</summary>
        public const int Seed = 1;

        /// <summary>A target needs 50 labelled rows of at least two stances for a model of its own.</summary>
        public const int MinExamplesPerTarget = 50;

        /// <summary>L-BFGS stops when the relative improvement falls below 1e-4 (ML.NET's 1e-7 took 2–4× longer for the same held-out accuracy).</summary>
        public const float OptimizationTolerance = 1e-4f;
    }

    /// <summary>What the model reads: n-grams, or n-grams and sentence embeddings.</summary>
    /// <value><see cref="FeatureSet.Ngrams"/>.</value>
    public FeatureSet Features { get; set; } = FeatureSet.Ngrams;

    /// <summary>The L2 regularisation λ of the maximum-entropy trainer; <see langword="null"/> chooses it from <see cref="CandidateL2"/> by k-fold cross-validation on f_avg.</summary>
    /// <value><see langword="null"/>.</value>
    public double? L2 { get; set; }

    /// <summary>The values of λ tried when <see cref="L2"/> is not set.</summary>
    /// <value><see cref="Defaults.CandidateL2"/>.</value>
    public IReadOnlyList<double> CandidateL2 { get; set; } = Defaults.CandidateL2;

    /// <summary>Folds of the cross-validation that chooses λ and measures the model (grouped by text, stratified by stance); below 2 turns it off.</summary>
    /// <value><see cref="Defaults.CrossValidationFolds"/>.</value>
    public int CrossValidationFolds { get; set; } = Defaults.CrossValidationFolds;

    /// <summary>The seed of every random choice: the same data, options and seed give the same model.</summary>
    /// <value><see cref="Defaults.Seed"/>.</value>
    public int Seed { get; set; } = Defaults.Seed;

    /// <summary>How the stances are weighted against each other.</summary>
    /// <value><see cref="ClassWeighting.Balanced"/>.</value>
    public ClassWeighting ClassWeighting { get; set; } = ClassWeighting.Balanced;

    /// <summary>Rows a target needs (of at least two stances) for a model of its own.</summary>
    /// <value><see cref="Defaults.MinExamplesPerTarget"/>.</value>
    public int MinExamplesPerTarget { get; set; } = Defaults.MinExamplesPerTarget;

    /// <summary>
    /// Whether the dense features include u⊙v and |u−v| of the text's and target's embeddings
    /// (with <see cref="FeatureSet.NgramsEmbeddings"/> only). They relate a text to a target the
    /// model has no labels for: on perspectrum (unseen claims) they gave the best dev and test f_avg.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool EmbeddingInteractions { get; set; } = true;

    /// <summary>L-BFGS's stopping tolerance.</summary>
    /// <value><see cref="Defaults.OptimizationTolerance"/>.</value>
    public float OptimizationTolerance { get; set; } = Defaults.OptimizationTolerance;

    /// <summary>Known targets and their aliases, used to find mentions in the training texts (a target of the data that is not listed is found by its name alone).</summary>
    /// <value>Empty.</value>
    public IReadOnlyList<TargetDefinition> Targets { get; set; } = [];

    /// <summary>The version stamped on the model; <see langword="null"/> derives one from the data and options.</summary>
    public string? Version { get; set; }

    /// <summary>The sentence embedder of <see cref="FeatureSet.NgramsEmbeddings"/>; <see langword="null"/>: the process's shared MiniLM.</summary>
    public Func<ISentenceEmbedder>? Embedder { get; set; }

    /// <summary>A copy of these options.</summary>
    public StanceModelTrainerOptions Clone() => (StanceModelTrainerOptions)MemberwiseClone();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> when a value is unusable.</summary>
    public void Validate()
    {
        if (L2 is { } l2 && (!double.IsFinite(l2) || l2 <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(L2), l2, "λ must be positive");
        }

        ArgumentNullException.ThrowIfNull(CandidateL2);
        if (L2 is null && (CandidateL2.Count == 0 || CandidateL2.Any(x => !double.IsFinite(x) || x <= 0)))
        {
            throw new ArgumentException("CandidateL2 must hold positive values when L2 is not set", nameof(CandidateL2));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(CrossValidationFolds, 20, nameof(CrossValidationFolds));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinExamplesPerTarget, 2, nameof(MinExamplesPerTarget));
        if (!float.IsFinite(OptimizationTolerance) || OptimizationTolerance <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(OptimizationTolerance), OptimizationTolerance, "must be positive");
        }

        ArgumentNullException.ThrowIfNull(Targets);
    }
}
