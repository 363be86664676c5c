namespace StanceBoard.Dashboard.Labelling.Training;

/// <summary>
/// A training run as the page sees it (and the hub sends it as <c>trainingProgress</c>): its
/// state (<c>running</c>, <c>finished</c>, <c>failed</c>, <c>cancelled</c>), stage and progress, what
/// it trained on, the comparison once ready, the learning curve, and the admin's decision.
/// </summary>
public sealed record TrainingStatus(
    long RunId,
    string State,
    string Stage,
    double Fraction,
    DateTimeOffset StartedUtc,
    DateTimeOffset? FinishedUtc,
    string RequestedBy,
    string? BaselineVersion,
    string? CandidateVersion,
    string? Decision,
    string? DecidedBy,
    string? Error,
    TrainingResult? Result);

/// <summary>What a run produced, kept as JSON with the run.</summary>
public sealed record TrainingResult(TrainingInputs? Inputs, ModelComparison? Comparison, LearningCurve? Curve, TrainingTimings? Timings);

/// <summary>What a run trained on.</summary>
/// <param name="Labels">Gold labels outside the evaluation slice used for training.</param>
/// <param name="HeldOut">Gold labels of the evaluation slice (not trained on).</param>
/// <param name="Disagreements">Units and targets left out because annotators disagree and no admin has decided.</param>
/// <param name="BootstrapRows">Rows of the bootstrap corpus included.</param>
/// <param name="BootstrapWeight">The weight asked for: rows included = weight × corpus size.</param>
/// <param name="BootstrapSize">The corpus size.</param>
/// <param name="Examples">Training examples in all.</param>
/// <param name="Hyperparameters">What training chose.</param>
public sealed record TrainingInputs(int Labels, int HeldOut, int Disagreements, int BootstrapRows, double BootstrapWeight, int BootstrapSize, int Examples, IReadOnlyDictionary<string, double>? Hyperparameters);

/// <summary>Seconds spent: collecting data, training, comparing; and from the start to the comparison.</summary>
public sealed record TrainingTimings(double Collect, double Train, double Compare, double ToComparison);

/// <summary>f_avg on the held-out labels against the number of training labels (state <c>running</c>, <c>finished</c>, <c>cancelled</c>, <c>failed</c> or <c>skipped</c>).</summary>
public sealed record LearningCurve(string State, IReadOnlyList<LearningCurvePoint> Points, string? Note);

/// <summary>One point of the learning curve.</summary>
public sealed record LearningCurvePoint(int Labels, double FAvg);
