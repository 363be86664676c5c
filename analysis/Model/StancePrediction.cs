namespace StanceBoard.Analysis.Model;

/// <summary>A model's verdict on one (text, target) pair.</summary>
/// <param name="Stance">The most probable stance.</param>
/// <param name="PFavor">Probability of <see cref="Stance.Favor"/>.</param>
/// <param name="PAgainst">Probability of <see cref="Stance.Against"/>.</param>
/// <param name="PNone">Probability of <see cref="Stance.None"/>.</param>
/// <param name="Evidence">The sentences that contributed most to the predicted stance, most important first.</param>
public sealed record StancePrediction(Stance Stance, double PFavor, double PAgainst, double PNone, IReadOnlyList<string> Evidence)
{
    /// <summary>p(favor) − p(against), in [−1, 1].</summary>
    public double Score => PFavor - PAgainst;
}
