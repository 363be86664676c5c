using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Training;

/// <summary>Options of <see cref="StanceTrainer"/>.</summary>
public sealed class StanceTrainerOptions
{
    /// <summary>The defaults.</summary>
    public static class Defaults
    {
        /// <summary>The regularisation strengths tried by cross-validation: a decade around LIBLINEAR's C = 1 in half-decade steps.</summary>
        public static IReadOnlyList<double> CandidateC { get; } = [0.1, 0.3, 1.0, 3.0];

        /// <summary>5 folds.</summary>
        public const int CrossValidationFolds = 5;

        /// <summary>Seed 1.</summary>
        public const int Seed = 1;

        /// <summary>LIBLINEAR's stopping tolerance for the dual problem (0.1).</summary>
        public const double Tolerance = 0.1;

        /// <summary>At most 200 passes over the data per binary problem.</summary>
        public const int MaxIterations = 200;
    }

    /// <summary>How texts become features.</summary>
    public FeaturizerOptions Featurizer { get; set; } = new();

    /// <summary>
    /// The SVM's C (larger fits the training data more closely); <see langword="null"/> chooses it
    /// from <see cref="CandidateC"/> by k-fold cross-validation on f_avg.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public double? C { get; set; }

    /// <summary>The values of C tried when <see cref="C"/> is not set.</summary>
    /// <value><see cref="Defaults.CandidateC"/>.</value>
    public IReadOnlyList<double> CandidateC { get; set; } = Defaults.CandidateC;

    /// <summary>Folds of the cross-validation that chooses C and yields the held-out margins the probabilities are calibrated on; below 2 turns both off.</summary>
    /// <value><see cref="Defaults.CrossValidationFolds"/>.</value>
    public int CrossValidationFolds { get; set; } = Defaults.CrossValidationFolds;

    /// <summary>The seed of every random choice (fold assignment, visiting order): the same data, options and seed give the same model, byte for byte.</summary>
    /// <value><see cref="Defaults.Seed"/>.</value>
    public int Seed { get; set; } = Defaults.Seed;

    /// <summary>How the classes are weighted against each other.</summary>
    /// <value><see cref="ClassWeighting.Balanced"/>.</value>
    public ClassWeighting ClassWeighting { get; set; } = ClassWeighting.Balanced;

    /// <summary>Stopping tolerance on the projected gradient of the dual.</summary>
    /// <value><see cref="Defaults.Tolerance"/>.</value>
    public double Tolerance { get; set; } = Defaults.Tolerance;

    /// <summary>The most passes over the data per binary problem.</summary>
    /// <value><see cref="Defaults.MaxIterations"/>.</value>
    public int MaxIterations { get; set; } = Defaults.MaxIterations;

    /// <summary>
    /// Known targets and their aliases, used to recognise mentions in the training texts (a
    /// target of the data that is not listed is recognised by its name alone).
    /// </summary>
    /// <value>Empty.</value>
    public IReadOnlyList<TargetDefinition> Targets { get; set; } = [];

    /// <summary>The version stamped on the model; <see langword="null"/> derives one from the training data and options.</summary>
    public string? Version { get; set; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> when a value is unusable.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Featurizer);
        Featurizer.Validate();
        if (C is { } c && (!double.IsFinite(c) || c <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(C), c, "C must be positive");
        }

        ArgumentNullException.ThrowIfNull(CandidateC);
        if (C is null && (CandidateC.Count == 0 || CandidateC.Any(x => !double.IsFinite(x) || x <= 0)))
        {
            throw new ArgumentException("CandidateC must hold positive values when C is not set", nameof(CandidateC));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(CrossValidationFolds, 20, nameof(CrossValidationFolds));
        if (!double.IsFinite(Tolerance) || Tolerance <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "must be positive");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1, nameof(MaxIterations));
        ArgumentNullException.ThrowIfNull(Targets);
    }
}
