namespace StanceBoard.Analysis.Training;

/// <summary>
/// Where the weights of the augmented feature space live ("frustratingly easy domain
/// adaptation", Daumé III 2007): every feature f has a shared weight, used for all targets,
/// and a weight of its own per training target; there is a shared bias and one per target.
/// Layout: shared f at f; target t's copy at (1 + t)·V + f; shared bias at (1 + T)·V; target t's bias at (1 + T)·V + 1 + t.
/// </summary>
internal readonly record struct FeatureLayout(int Columns, int Targets)
{
    public int Dimension => ((1 + Targets) * Columns) + 1 + Targets;

    public int TargetOffset(int target) => (1 + target) * Columns;

    public int SharedBias => (1 + Targets) * Columns;

    public int TargetBias(int target) => SharedBias + 1 + target;
}
