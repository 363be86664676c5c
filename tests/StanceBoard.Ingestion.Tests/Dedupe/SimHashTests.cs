using StanceBoard.Ingestion.Dedupe;

namespace StanceBoard.Ingestion.Tests.Dedupe;

public sealed class SimHashTests
{
    private const string Original = """
        The ceasefire signed in November left Russian peacekeepers in Nagorno-Karabakh for five years, a presence that Moscow
        had sought since the 1990s. Turkey, which supplied drones and advisers to Azerbaijan, gained a say in a monitoring
        centre but no troops on the line. Baku recovered the districts around the enclave and much of the enclave itself.
        For Armenia the outcome was a defeat that reopened every question about its alliance with Russia and the value of
        membership in the Collective Security Treaty Organization. For Azerbaijan it was vindication of a long military build-up.
        The corridor through Lachin, guarded by Russian troops, became the only link between Armenia and the Armenians of Karabakh.
        Western governments were largely absent from the settlement. The Minsk Group, co-chaired by France, Russia and the United
        States, had mediated for almost three decades without result, and its two Western co-chairs learned of the final text
        after it was signed. Analysts in Washington and Paris argued over whether the outcome showed a retreat of Western influence
        from the South Caucasus or merely confirmed a long-standing division of labour in which Moscow managed the conflict.
        In Ankara, officials presented the war as proof that Turkish defence industry and diplomacy could change facts on the
        ground; in Tehran, the presence of Turkish and Russian forces near its northern border caused visible unease.
        """;

    [Fact]
    public void Compute_SyndicatedCopyWithNewHeaderAndFooter_IsNearDuplicate()
    {
        var copy = "Republished with permission. " + Original.Replace("much of the enclave itself", "a large part of the enclave itself", StringComparison.Ordinal)
            + " This article first appeared on another site.";

        var distance = SimHash.Distance(SimHash.Compute(Original), SimHash.Compute(copy));

        distance.ShouldBeLessThanOrEqualTo(SimHash.NearDuplicateDistance);
        SimHash.AreNearDuplicates(SimHash.Compute(Original), SimHash.Compute(copy)).ShouldBeTrue();
    }

    [Fact]
    public void Compute_DifferentArticleOnTheSameTopic_IsFarApart()
    {
        const string Other = """
            Energy exports through the Southern Gas Corridor give Azerbaijan leverage in Europe that it did not have a decade ago.
            Pipelines crossing Georgia and Turkey carry Caspian gas to Italy, and officials in Brussels now court Baku openly.
            Critics note that the volumes remain small next to Russian supplies and that human rights concerns are set aside.
            Investors watch the transit fees and the fields offshore, while analysts ask how long the reserves can sustain growth.
            """;

        SimHash.Distance(SimHash.Compute(Original), SimHash.Compute(Other)).ShouldBeGreaterThan(12);
    }

    [Fact]
    public void Compute_CaseWhitespaceAndPunctuation_DoNotMatter()
    {
        SimHash.Compute("Moscow, Ankara and Baku!").ShouldBe(SimHash.Compute("moscow   ankara AND baku"));
        SimHash.Compute("  ").ShouldBe(0UL);
    }

    [Fact]
    public void NearDuplicateIndex_FindsTheClosestWithinDistance()
    {
        var index = new NearDuplicateIndex<string>();
        index.Add(0b1111_0000UL << 32 | 0xDEADBEEF, "a");
        index.Add(0x0123_4567_89AB_CDEFUL, "b");

        index.TryFind(0x0123_4567_89AB_CDEFUL ^ 0b101, out var near).ShouldBeTrue();
        near.ShouldBe("b");
        index.TryFind(~0x0123_4567_89AB_CDEFUL, out _).ShouldBeFalse();
        index.TryFind(0, out _).ShouldBeFalse();
        index.Count.ShouldBe(2);
    }
}
