using StanceBoard.Analysis.Evaluation;

namespace StanceBoard.Dashboard.Labelling.Training;

/// <summary>
/// The candidate beside the active model on the held-out gold labels (the evaluation slice):
/// f_avg, per-target F, confusion matrices, and verdicts on stored pieces that would change.
/// </summary>
public sealed record ModelComparison(
    int HeldOutLabels,
    ModelScore Baseline,
    ModelScore Candidate,
    IReadOnlyList<TargetComparison> PerTarget,
    ChangedVerdicts Changed);

/// <summary>A model's measures on the held-out labels (<see langword="null"/> without held-out labels or without a model).</summary>
public sealed record ModelScore(string? Version, StanceMetrics? Metrics);

/// <summary>One target's f_avg under both models, over its held-out labels.</summary>
public sealed record TargetComparison(string Target, int Count, double? BaselineFAvg, double? CandidateFAvg);

/// <summary>How many stored pieces (of the latest <see cref="Sampled"/>) would get another verdict, with examples.</summary>
public sealed record ChangedVerdicts(int Sampled, int SampledTargets, int Changed, IReadOnlyList<ChangedVerdict> Examples);

/// <summary>A stored verdict and the candidate's.</summary>
public sealed record ChangedVerdict(long PieceId, string Title, string Target, string? Before, double? BeforeScore, string After, double AfterScore);
