namespace StanceBoard.Dashboard.Labelling.Training;

/// <summary>A training run's settings: how much the bootstrap corpus counts beside the stored labels (0 leaves it out; 1 includes it once; 2 twice).</summary>
public sealed record TrainingRequest(double? BootstrapWeight);
