namespace StanceBoard.Analysis.Agreement;

/// <summary>Krippendorff's alpha with the figures it is made of.</summary>
/// <param name="Alpha">α = 1 − D_o / D_e; <see langword="null"/> when undefined (D_e = 0).</param>
/// <param name="ObservedDisagreement">D_o.</param>
/// <param name="ExpectedDisagreement">D_e.</param>
/// <param name="PairableValues">n: the ratings in units with at least two of them.</param>
/// <param name="Units">The units with at least two ratings.</param>
public sealed record AlphaResult(double? Alpha, double ObservedDisagreement, double ExpectedDisagreement, int PairableValues, int Units);
