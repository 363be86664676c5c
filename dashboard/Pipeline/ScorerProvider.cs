using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Dashboard.Pipeline;

/// <summary>
/// Holds the scorer in use. Promoting a model version swaps it atomically; pieces being
/// scored at that moment finish with the one they started with.
/// </summary>
public sealed class ScorerProvider(TargetCatalog targets)
{
    private volatile PieceScorer _current = new(targets);

    /// <summary>The scorer to use now.</summary>
    public PieceScorer Current => _current;

    /// <summary>Scores with <paramref name="model"/> from now on (or mentions only, when <see langword="null"/>).</summary>
    public void Use(IStanceModel? model) => _current = new PieceScorer(_current.Targets, model);
}
