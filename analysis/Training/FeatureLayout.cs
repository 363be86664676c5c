namespace StanceBoard.Analysis.Training;

/// <summary>
/// Where the weights of the augmented feature space live ("frustratingly easy domain
/// adaptation", Daumé III 2007): every feature f has a shared weight, used for all targets,
/// and a weight of its own per training target; there is a shared bias and one per target.
/// The copies of one feature are adjacent — index f·(1 + T) + copy, copy 0 shared and 1 + t
/// target t's; biases at V·(1 + T) + copy — so the shared and the target's weight of a feature
/// share a cache line.
/// </summary>
internal readonly record struct FeatureLayout(int Columns, int Targets)
{
    public int Copies => 1 + Targets;

    public int Dimension => (Columns + 1) * Copies;

    public int Index(int column, int copy) => (column * Copies) + copy;

    public int Bias(int copy) => (Columns * Copies) + copy;
}
