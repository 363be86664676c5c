using StanceBoard.Analysis.Targets;
using StanceBoard.Analysis.Text;

namespace StanceBoard.Analysis.Tests.Targets;

public sealed class TargetCatalogTests
{
    private static TargetCatalog CreateSut() => new(
    [
        new TargetDefinition("Russia", ["Russian", "Moscow", "Kremlin", "Vladimir Putin", "Putin"]),
        new TargetDefinition("Turkey", ["Türkiye", "Turkish", "Ankara", "Erdoğan", "Recep Tayyip Erdoğan"]),
        new TargetDefinition("Azerbaijan", ["Azerbaijani", "Azeri", "Baku", "Aliyev"]),
    ]);

    private static IReadOnlyList<Mention> Find(TargetCatalog catalog, string text) =>
        catalog.FindMentions(text, SentenceSegmenter.Split(text));

    [Fact]
    public void FindMentions_DiacriticsAndCase_MatchTheSameAlias()
    {
        var mentions = Find(CreateSut(), "ERDOGAN spoke. Then Erdoğan spoke again, and erdogan once more.");

        mentions.Count(m => m.Target == "Turkey").ShouldBe(3);
    }

    [Fact]
    public void FindMentions_AliasWhoseFoldedFormIsLongerOrShorter_IsStillFound()
    {
        // "ß" folds to "ss" and "Ł" to "l": the words' lengths change, so no length shortcut may skip them.
        var catalog = new TargetCatalog(
        [
            new TargetDefinition("Germany", ["Strasse"]),
            new TargetDefinition("Poland", ["Lodz"]),
        ]);

        var mentions = Find(catalog, "The Straße was closed. Łodz and LODZ reopened.");

        mentions.Select(m => m.Target).ShouldBe(["Germany", "Poland", "Poland"]);
    }

    [Fact]
    public void FindMentions_PossessiveAndCompound_AreMentions()
    {
        var mentions = Find(CreateSut(), "Russia’s role grew as Moscow-Baku ties cooled.");

        mentions.Select(m => m.Target).ShouldBe(["Russia", "Russia", "Azerbaijan"]);
    }

    [Fact]
    public void FindMentions_PartOfALongerWord_IsNotAMention()
    {
        var mentions = Find(CreateSut(), "The Bakuvian delegation and a Russianist scholar met.");

        mentions.ShouldBeEmpty();
    }

    [Fact]
    public void FindMentions_MultiWordAlias_CountsOnceWithItsFullSpan()
    {
        const string text = "Recep Tayyip Erdoğan flew to Baku.";

        var mentions = Find(CreateSut(), text);

        mentions.Count.ShouldBe(2);
        var turkey = mentions.Single(m => m.Target == "Turkey");
        text.Substring(turkey.Start, turkey.Length).ShouldBe("Recep Tayyip Erdoğan");
    }

    [Fact]
    public void FindMentions_EachMention_PointsAtItsSentence()
    {
        const string text = "Ankara armed Baku. The Kremlin watched. Nobody else spoke.";
        var sentences = SentenceSegmenter.Split(text);

        var mentions = CreateSut().FindMentions(text, sentences);

        mentions.Single(m => m.Target == "Russia").SentenceIndex.ShouldBe(1);
        sentences[mentions.Single(m => m.Target == "Turkey").SentenceIndex].Text.ShouldBe("Ankara armed Baku.");
    }

    [Fact]
    public void Constructor_DuplicateTargetName_Throws()
    {
        Should.Throw<ArgumentException>(() => new TargetCatalog([new TargetDefinition("Iran", []), new TargetDefinition("IRAN", [])]));
    }

    [Fact]
    public void FromOptions_DisabledTarget_IsLeftOut()
    {
        var catalog = TargetCatalog.FromOptions(new Dictionary<string, TargetOptions>
        {
            ["Armenia"] = new() { Aliases = ["Yerevan", "Armenian"] },
            ["France"] = new() { Aliases = ["Paris"], Enabled = false },
        });

        catalog.Targets.Select(t => t.Name).ShouldBe(["Armenia"]);
        Find(catalog, "Paris and Yerevan.").Select(m => m.Target).ShouldBe(["Armenia"]);
    }

    [Fact]
    public void TargetDefinition_Name_IsAlwaysAnAlias()
    {
        new TargetDefinition("Iran", ["Tehran"]).Aliases.ShouldBe(["Iran", "Tehran"]);
    }
}
