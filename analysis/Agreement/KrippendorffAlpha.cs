namespace StanceBoard.Analysis.Agreement;

/// <summary>
/// Krippendorff's alpha for nominal data, any number of raters and missing ratings
/// (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"): α = 1 − D_o / D_e.
/// </summary>
/// <remarks>
/// From the units with at least two ratings, the coincidence matrix counts every ordered pair of
/// ratings (c, k) within a unit, each weighted 1 / (m_u − 1) for a unit with m_u ratings:
/// o_ck = Σ_u (number of c–k pairs in u) / (m_u − 1). With n_c = Σ_k o_ck and n = Σ_c n_c (the
/// pairable ratings), the observed disagreement is D_o = Σ_{c≠k} o_ck / n and the disagreement
/// expected by chance D_e = Σ_{c≠k} n_c · n_k / (n (n − 1)). Units with a single rating carry
/// no information about agreement and are left out.
/// </remarks>
public static class KrippendorffAlpha
{
    /// <summary>Computes nominal alpha over <paramref name="units"/>, each the list of categories its raters gave.</summary>
    /// <returns>The result; <see cref="AlphaResult.Alpha"/> is <see langword="null"/> when undefined (fewer than two pairable ratings, or only one category used, so D_e = 0).</returns>
    public static AlphaResult Nominal(IEnumerable<IReadOnlyList<string>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var coincidences = new Dictionary<(string C, string K), double>();
        var pairable = 0;
        var used = 0;
        foreach (var unit in units)
        {
            ArgumentNullException.ThrowIfNull(unit);
            var m = unit.Count;
            if (m < 2)
            {
                continue;
            }

            used++;
            pairable += m;
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    if (i != j)
                    {
                        var key = (unit[i], unit[j]);
                        coincidences[key] = coincidences.GetValueOrDefault(key) + (1.0 / (m - 1));
                    }
                }
            }
        }

        var marginals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var ((c, _), count) in coincidences)
        {
            marginals[c] = marginals.GetValueOrDefault(c) + count;
        }

        double n = pairable;
        var observed = n == 0 ? 0 : coincidences.Where(p => p.Key.C != p.Key.K).Sum(p => p.Value) / n;
        var expected = 0.0;
        if (n > 1)
        {
            foreach (var (c, nc) in marginals)
            {
                foreach (var (k, nk) in marginals)
                {
                    if (c != k)
                    {
                        expected += nc * nk;
                    }
                }
            }

            expected /= n * (n - 1);
        }

        double? alpha = expected <= 0 ? null : 1 - (observed / expected);
        return new AlphaResult(alpha, observed, expected, pairable, used);
    }
}
