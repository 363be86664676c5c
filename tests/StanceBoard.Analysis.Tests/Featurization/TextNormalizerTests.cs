using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Analysis.Tests.Featurization;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Tokenize_UrlsHandlesNumbersAndHashtags_AreNormalised()
    {
        var tokens = TextNormalizer.Tokenize("See https://example.org/a?b=1, @Analyst_1 on #KarabakhWar2020: 1,200 troops!");

        tokens.Select(t => TokenMarkers.Display(t.Value)).ShouldBe(
            ["see", "<url>", "<user>", "on", "karabakh", "war", "<num>", "<num>", "troops", "!"]);
    }

    [Theory]
    [InlineData("HTTP://EXAMPLE.ORG/A went", new[] { "<url>", "went" })]
    [InlineData("Www.example.org went", new[] { "<url>", "went" })]
    [InlineData("what http whttps www went", new[] { "what", "http", "whttps", "www", "went" })]
    [InlineData("x-https://example.org", new[] { "x", "<url>" })]
    public void Tokenize_UrlsInAnyCase_BecomeOneMarkerAndWordsLikeThemDoNot(string text, string[] expected)
    {
        TextNormalizer.Tokenize(text).Select(t => TokenMarkers.Display(t.Value)).ShouldBe(expected);
    }

    [Fact]
    public void Tokenize_DiacriticsCaseAndApostrophes_FoldLikeMentionFinding()
    {
        var tokens = TextNormalizer.Tokenize("ERDOĞAN’s “peace” in Türkiye");

        tokens.Select(t => t.Value).ShouldBe(["erdogan", "s", "\"", "peace", "\"", "in", "turkiye"]);
        tokens[0].Start.ShouldBe(0);
        tokens[0].Length.ShouldBe(7);
    }

    [Fact]
    public void Tokenize_NonLatinScripts_KeepTheirLetters()
    {
        var tokens = TextNormalizer.Tokenize("Москва и Анкара — 2020");

        tokens.Select(t => TokenMarkers.Display(t.Value)).ShouldBe(["москва", "и", "анкара", "<num>"]);
    }

    [Fact]
    public void Tokenize_HashtagWithAcronym_SplitsAtWordBoundaries()
    {
        TextNormalizer.Tokenize("#NATOSummit #peace_now").Select(t => t.Value).ShouldBe(["nato", "summit", "peace", "now"]);
    }
}
