namespace StanceBoard.Analysis.Training;

/// <summary>Where a training run is.</summary>
/// <param name="Stage">What is being done ("featurizing", "cross-validating C=0.3", "fitting").</param>
/// <param name="Fraction">How much of the whole run is done, 0–1.</param>
public sealed record TrainingProgress(string Stage, double Fraction);
