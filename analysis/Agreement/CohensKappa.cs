namespace StanceBoard.Analysis.Agreement;

/// <summary>
/// Cohen's kappa for two raters who each give one nominal category to the same units
/// (Cohen 1960): κ = (p_o − p_e) / (1 − p_e), where p_o is the share of units on which the two
/// agree and p_e = Σ_k p_1(k) · p_2(k) the agreement expected by chance from each rater's own
/// category shares.
/// </summary>
public static class CohensKappa
{
    /// <summary>Computes kappa over <paramref name="pairs"/> (the first rater's category, the second's), one pair per unit.</summary>
    /// <returns>The result; <see cref="KappaResult.Kappa"/> is <see langword="null"/> without units or when chance agreement is 1 (both raters always gave one and the same category).</returns>
    public static KappaResult Compute(IEnumerable<(string First, string Second)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var second = new Dictionary<string, int>(StringComparer.Ordinal);
        var units = 0;
        var agreed = 0;
        foreach (var (a, b) in pairs)
        {
            ArgumentNullException.ThrowIfNull(a);
            ArgumentNullException.ThrowIfNull(b);
            units++;
            agreed += a == b ? 1 : 0;
            first[a] = first.GetValueOrDefault(a) + 1;
            second[b] = second.GetValueOrDefault(b) + 1;
        }

        if (units == 0)
        {
            return new KappaResult(null, 0, 0, 0);
        }

        var observed = (double)agreed / units;
        var expected = first.Sum(p => (double)p.Value / units * second.GetValueOrDefault(p.Key) / units);
        double? kappa = 1 - expected < 1e-12 ? null : (observed - expected) / (1 - expected);
        return new KappaResult(kappa, observed, expected, units);
    }
}
