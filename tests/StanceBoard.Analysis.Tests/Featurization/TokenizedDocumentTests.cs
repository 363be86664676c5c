using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Tests.Featurization;

public sealed class TokenizedDocumentTests
{
    private static readonly TargetCatalog Catalog = new(BootstrapCorpus.Targets);

    [Fact]
    public void ContextOf_MentionSentencesAndNeighboursWithoutOtherTargets()
    {
        const string text = "Intro line. Moscow acted. It was quick. Weather was cold. Ankara spoke. Then it left. End.";
        var tokens = StanceDocument.Create(text, Catalog).Tokens;

        tokens.ContextOf("Russia", 1).ShouldBe([true, true, true, false, false, false, false]);
        tokens.ContextOf("Turkey", 1).ShouldBe([false, false, false, true, true, true, false]);
    }

    [Fact]
    public void ContextOf_TargetNeverMentionedOrEverySentenceInContext_IsTheWholeText()
    {
        var tokens = StanceDocument.Create("Moscow acted. It was quick.", Catalog).Tokens;

        tokens.ContextOf("Russia", 1).ShouldBeNull();
        tokens.ContextOf("Azerbaijan", 1).ShouldBeNull();
    }
}
