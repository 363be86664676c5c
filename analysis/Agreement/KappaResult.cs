namespace StanceBoard.Analysis.Agreement;

/// <summary>Cohen's kappa with the figures it is made of.</summary>
/// <param name="Kappa">κ = (p_o − p_e) / (1 − p_e); <see langword="null"/> when undefined (no units, or p_e = 1).</param>
/// <param name="ObservedAgreement">p_o: the share of units the two raters agree on.</param>
/// <param name="ExpectedAgreement">p_e: the agreement expected by chance from each rater's category shares.</param>
/// <param name="Units">The number of units both raters rated.</param>
public sealed record KappaResult(double? Kappa, double ObservedAgreement, double ExpectedAgreement, int Units);
