using StanceBoard.Analysis.Agreement;

namespace StanceBoard.Analysis.Tests.Agreement;

public sealed class AgreementTests
{
    /// <summary>
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the nominal example with
    /// missing data: four observers, twelve units (a dot is a missing value). Published α = 0.743.
    /// </summary>
    private static readonly string?[][] FourObservers =
    [
        ["1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null],
        ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"],
        [null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null],
        ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null],
    ];

    /// <summary>Krippendorff (2011), the binary example: two observers, ten units. Published α = 0.095.</summary>
    private static readonly string[] BinaryA = ["0", "1", "0", "0", "0", "0", "0", "0", "1", "0"];
    private static readonly string[] BinaryB = ["1", "1", "1", "0", "0", "1", "0", "0", "0", "0"];

    [Fact]
    public void Nominal_KrippendorffFourObserverExample_Gives0743()
    {
        var units = Enumerable.Range(0, 12)
            .Select(u => (IReadOnlyList<string>)FourObservers.Select(o => o[u]).OfType<string>().ToList())
            .ToList();

        var result = KrippendorffAlpha.Nominal(units);

        result.Alpha!.Value.ShouldBe(0.743, 0.0005);
        result.PairableValues.ShouldBe(40); // unit 12 has a single value and is left out
        result.Units.ShouldBe(11);
        result.ObservedDisagreement.ShouldBe(8.0 / 40, 1e-12); // the coincidences off the diagonal sum to 8
    }

    [Fact]
    public void Nominal_KrippendorffBinaryExample_Gives0095()
    {
        var units = BinaryA.Zip(BinaryB, (a, b) => (IReadOnlyList<string>)[a, b]).ToList();

        KrippendorffAlpha.Nominal(units).Alpha!.Value.ShouldBe(0.095, 0.0005);
    }

    [Fact]
    public void Nominal_OneCategoryOnly_IsUndefined()
    {
        var units = Enumerable.Range(0, 5).Select(_ => (IReadOnlyList<string>)["none", "none"]).ToList();

        KrippendorffAlpha.Nominal(units).Alpha.ShouldBeNull();
    }

    [Fact]
    public void Nominal_PerfectAgreementWithSeveralCategories_IsOne()
    {
        IReadOnlyList<string>[] units = [["favor", "favor"], ["against", "against", "against"], ["none", "none"]];

        KrippendorffAlpha.Nominal(units).Alpha!.Value.ShouldBe(1, 1e-12);
    }

    /// <summary>
    /// The textbook two-reader example (Wikipedia, "Cohen's kappa"): 50 grant proposals read by A and
    /// B; both yes on 20, A yes B no on 5, A no B yes on 10, both no on 15. p_o = 0.7, p_e = 0.5, κ = 0.4.
    /// </summary>
    [Fact]
    public void Compute_FiftyProposalsExample_GivesKappa04()
    {
        var pairs = Repeat(("yes", "yes"), 20).Concat(Repeat(("yes", "no"), 5)).Concat(Repeat(("no", "yes"), 10)).Concat(Repeat(("no", "no"), 15));

        var result = CohensKappa.Compute(pairs);

        result.ObservedAgreement.ShouldBe(0.7, 1e-12);
        result.ExpectedAgreement.ShouldBe(0.5, 1e-12);
        result.Kappa!.Value.ShouldBe(0.4, 1e-12);
        result.Units.ShouldBe(50);
    }

    /// <summary>
    /// The same proposals example's second table (Wikipedia, "Cohen's kappa"): 45 / 15 / 25 / 15 of 100;
    /// p_o = 0.60, p_e = 0.54, κ = 0.1304.
    /// </summary>
    [Fact]
    public void Compute_UnbalancedMarginalsExample_GivesKappa013()
    {
        var pairs = Repeat(("yes", "yes"), 45).Concat(Repeat(("yes", "no"), 15)).Concat(Repeat(("no", "yes"), 25)).Concat(Repeat(("no", "no"), 15));

        var result = CohensKappa.Compute(pairs);

        result.ObservedAgreement.ShouldBe(0.60, 1e-12);
        result.ExpectedAgreement.ShouldBe(0.54, 1e-12);
        result.Kappa!.Value.ShouldBe(0.1304, 0.00005);
    }

    [Fact]
    public void Compute_TwoRatersOnKrippendorffBinaryData_AgreesWithAlphaForLargeSamplesOnly()
    {
        // For two raters, alpha and kappa differ by the small-sample correction and by kappa's
        // rater-specific chance term: here κ = 0.0909 (p_o = 0.6, p_e = 0.56) against α = 0.095.
        var result = CohensKappa.Compute(BinaryA.Zip(BinaryB));

        result.ObservedAgreement.ShouldBe(0.6, 1e-12);
        result.ExpectedAgreement.ShouldBe(0.56, 1e-12);
        result.Kappa!.Value.ShouldBe(0.04 / 0.44, 1e-12);
    }

    [Fact]
    public void Compute_NoUnitsOrOneSharedCategory_IsUndefined()
    {
        CohensKappa.Compute([]).Kappa.ShouldBeNull();
        CohensKappa.Compute(Repeat(("none", "none"), 4)).Kappa.ShouldBeNull();
    }

    private static IEnumerable<(string, string)> Repeat((string, string) pair, int count) => Enumerable.Repeat(pair, count);
}
