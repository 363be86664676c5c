using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Tests.Featurization;

public sealed class TokenizedDocumentTests
{
    private static readonly TargetCatalog Catalog = new(BootstrapCorpus.Targets);

    [Fact]
    public void MaskedText_MasksTheTargetAndOtherTargets_AsTheModelsTextColumn()
    {
        var tokens = StanceDocument.Create("Ankara backed Baku's drones! Recep Tayyip Erdoğan spoke at 10:30.", Catalog).Tokens;

        tokens.MaskedText([0, 1], "Turkey", mask: true).ShouldBe("\uE000 backed \uE001 s drones ! \uE000 spoke at \uE004");
        tokens.MaskedText([0], "Azerbaijan", mask: true).ShouldBe("\uE001 backed \uE000 s drones !");
        tokens.MaskedText([1], "Turkey", mask: false).ShouldBe("recep tayyip erdogan spoke at \uE004");
    }

    [Fact]
    public void Mentions_EndlessSentenceWithManyMentions_MapsEveryMentionToItsTokens()
    {
        var text = string.Concat(Enumerable.Repeat("Moscow and Ankara talk while ", 2_000));
        var tokens = StanceDocument.Create(text, Catalog).Tokens;

        tokens.SentenceCount.ShouldBe(1);
        tokens.TokenMention.Count(m => m >= 0).ShouldBe(4_000);
        tokens.MaskedText([0], "Russia", mask: true).Split(' ').Count(t => t == "\uE000").ShouldBe(2_000);
    }
}
