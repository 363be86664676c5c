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

        /// <summary>Word n-grams of lengths 1–3.</summary>
        public const int WordNgramMaxLength = 3;

        /// <summary>
        /// The n-gram model reads character n-grams of lengths 3–5: on perspectrum dev as accurate as
        /// 1–5 and 2–5 (f_avg 0.686, 0.686, 0.686 with SDCA), and the fastest of them (20,000 texts:
        /// 0.55× the time of the old default against 0.67× for 1–5 with SDCA).
        /// </summary>
        public const int CharNgramMinLength = 3;

        /// <summary>The embedding model reads character n-grams of lengths 1–5 (its configuration was not re-measured).</summary>
        public const int CharNgramMinLengthWithEmbeddings = 1;

        /// <summary>Character n-grams of lengths 3–5.</summary>
        public const int CharNgramMaxLength = 5;

        /// <summary>
        /// N-grams kept per length (ML.NET keeps every n-gram seen by default: a model of 20,000
        /// synthetic short texts held 497 MB of dictionaries). 50,000 per length bounds a model to
        /// 400,000 n-grams whatever the data's size.
        /// </summary>
        public const int MaxNgramsPerLength = 50_000;

        /// <summary>An n-gram is a feature of a part when one of the part's rows has it.</summary>
        public const int MinNgramRows = 1;

        /// <summary>SDCA and the linear SVM make 20 passes.</summary>
        public const int MaximumIterations = 20;

        /// <summary>L-BFGS keeps 20 past updates (ML.NET's default).</summary>
        public const int HistorySize = 20;
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

    /// <summary>The longest word n-gram (word n-grams are of lengths 1 to this: <c>FeaturizeText</c> builds its word dictionary from the unigrams).</summary>
    /// <value><see cref="Defaults.WordNgramMaxLength"/>.</value>
    public int WordNgramMaxLength { get; set; } = Defaults.WordNgramMaxLength;

    /// <summary>The shortest character n-gram; <see langword="null"/>: by the feature set (see <see cref="ResolvedCharNgramMinLength"/>).</summary>
    /// <value><see langword="null"/>.</value>
    public int? CharNgramMinLength { get; set; }

    /// <summary>
    /// The shortest character n-gram fitted: <see cref="CharNgramMinLength"/>, or <see cref="Defaults.CharNgramMinLength"/>
    /// for <see cref="FeatureSet.Ngrams"/> and <see cref="Defaults.CharNgramMinLengthWithEmbeddings"/> with embeddings.
    /// </summary>
    public int ResolvedCharNgramMinLength =>
        CharNgramMinLength ?? (Features == FeatureSet.Ngrams ? Defaults.CharNgramMinLength : Defaults.CharNgramMinLengthWithEmbeddings);

    /// <summary>The longest character n-gram.</summary>
    /// <value><see cref="Defaults.CharNgramMaxLength"/>.</value>
    public int CharNgramMaxLength { get; set; } = Defaults.CharNgramMaxLength;

    /// <summary>How n-gram counts are weighted.</summary>
    /// <value><see cref="NgramWeighting.TfIdf"/>.</value>
    public NgramWeighting NgramWeighting { get; set; } = NgramWeighting.TfIdf;

    /// <summary>The most n-grams kept per length (the first seen in the training rows).</summary>
    /// <value><see cref="Defaults.MaxNgramsPerLength"/>.</value>
    public int MaxNgramsPerLength { get; set; } = Defaults.MaxNgramsPerLength;

    /// <summary>
    /// The rows of a part's training data an n-gram must occur in to be one of the part's features
    /// (ML.NET <c>SelectFeaturesBasedOnCount</c>); 1 keeps every n-gram the part's rows have.
    /// </summary>
    /// <value><see cref="Defaults.MinNgramRows"/>.</value>
    public int MinNgramRows { get; set; } = Defaults.MinNgramRows;

    /// <summary>The trainer of each model part; <see langword="null"/>: by the feature set (see <see cref="ResolvedClassifier"/>).</summary>
    /// <value><see langword="null"/>.</value>
    public StanceClassifier? Classifier { get; set; }

    /// <summary>
    /// The trainer used: <see cref="Classifier"/>, or SDCA for <see cref="FeatureSet.Ngrams"/> (on perspectrum dev as
    /// accurate as L-BFGS, f_avg 0.686 against 0.685 at the same λ, in about half the time) and L-BFGS with
    /// embeddings (SDCA was not measured on the embedding model).
    /// </summary>
    public StanceClassifier ResolvedClassifier =>
        Classifier ?? (Features == FeatureSet.Ngrams ? StanceClassifier.SdcaMaximumEntropy : StanceClassifier.LbfgsMaximumEntropy);

    /// <summary>Passes over the data of SDCA and the linear SVM (L-BFGS stops on <see cref="OptimizationTolerance"/>).</summary>
    /// <value><see cref="Defaults.MaximumIterations"/>.</value>
    public int MaximumIterations { get; set; } = Defaults.MaximumIterations;

    /// <summary>L-BFGS's memory: the past updates it keeps.</summary>
    /// <value><see cref="Defaults.HistorySize"/>.</value>
    public int HistorySize { get; set; } = Defaults.HistorySize;

    /// <summary>L-BFGS's threads; <see langword="null"/>: ML.NET's choice (the machine's cores).</summary>
    /// <value><see langword="null"/>.</value>
    public int? NumberOfThreads { get; set; }

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

        ValidateLengths(1, WordNgramMaxLength, nameof(WordNgramMaxLength), nameof(WordNgramMaxLength));
        ValidateLengths(ResolvedCharNgramMinLength, CharNgramMaxLength, nameof(CharNgramMinLength), nameof(CharNgramMaxLength));
        if (!Enum.IsDefined(NgramWeighting))
        {
            throw new ArgumentOutOfRangeException(nameof(NgramWeighting), NgramWeighting, "unknown weighting");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNgramsPerLength, 1, nameof(MaxNgramsPerLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(HistorySize, 1, nameof(HistorySize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumIterations, 1, nameof(MaximumIterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinNgramRows, 1, nameof(MinNgramRows));
        if (Classifier is { } classifier && !Enum.IsDefined(classifier))
        {
            throw new ArgumentOutOfRangeException(nameof(Classifier), Classifier, "unknown classifier");
        }
        if (NumberOfThreads is { } threads)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(NumberOfThreads));
        }

        ArgumentNullException.ThrowIfNull(Targets);
    }

    private static void ValidateLengths(int min, int max, string minName, string maxName)
    {
        // ML.NET's n-gram extractor takes lengths up to 10 (with skips); beyond 6 nothing is gained on short texts.
        if (max is < 1 or > 6)
        {
            throw new ArgumentOutOfRangeException(maxName, max, "must be 1 to 6");
        }

        if (min < 1 || min > max)
        {
            throw new ArgumentOutOfRangeException(minName, min, $"must be 1 to {maxName} ({max})");
        }
    }
}
