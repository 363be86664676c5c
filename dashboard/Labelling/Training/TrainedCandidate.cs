using StanceBoard.Analysis.Model;

namespace StanceBoard.Dashboard.Labelling.Training;

/// <summary>A newly trained model, not yet registered: its version, the model (through the scoring seam) and the settings training chose.</summary>
/// <param name="Model">The model, as <see cref="IStanceModel"/>.</param>
/// <param name="Version">The version it will be registered as.</param>
/// <param name="Hyperparameters">What training chose (shown beside the comparison), by name.</param>
/// <param name="Engine">The engine's own object, for <see cref="ModelTrainingRunner"/> only.</param>
public sealed record TrainedCandidate(IStanceModel Model, string Version, IReadOnlyDictionary<string, double> Hyperparameters, object Engine);
