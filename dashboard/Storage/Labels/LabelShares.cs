using System.Globalization;

namespace StanceBoard.Dashboard.Storage.Labels;

/// <summary>
/// The shares that split pieces, as cut points on each piece's fixed random draws in
/// [0, 1,000,000): a draw below <see cref="EvaluationCut"/> puts the piece in the evaluation slice,
/// one below <see cref="DoubleCut"/> asks two annotators for it.
/// </summary>
public sealed record LabelShares(int EvaluationCut, int DoubleCut)
{
    public const int Scale = 1_000_000;

    public static LabelShares From(double evaluationShare, double doubleShare) =>
        new((int)Math.Round(Math.Clamp(evaluationShare, 0, 1) * Scale), (int)Math.Round(Math.Clamp(doubleShare, 0, 1) * Scale));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"evaluation {EvaluationCut / (double)Scale:P0}, double {DoubleCut / (double)Scale:P0}");
}
