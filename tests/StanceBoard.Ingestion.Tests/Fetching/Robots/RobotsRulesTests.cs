using StanceBoard.Ingestion.Fetching.Robots;

namespace StanceBoard.Ingestion.Tests.Fetching.Robots;

public sealed class RobotsRulesTests
{
    private const string Robots = """
        # comment
        User-agent: *
        Disallow: /private/
        Disallow: /*.pdf$
        Allow: /private/open/
        Crawl-delay: 5

        User-agent: StanceBoard
        User-agent: OtherBot
        Disallow: /search
        Allow: /search/about
        """;

    [Theory]
    [InlineData("/search?q=x", false)]
    [InlineData("/search/about", true)]
    [InlineData("/private/x", true)]
    [InlineData("/report.pdf", true)]
    public void IsAllowed_OwnGroupWinsOverStar(string path, bool allowed)
    {
        RobotsRules.Parse(Robots, "StanceBoard").IsAllowed(path).ShouldBe(allowed);
    }

    [Theory]
    [InlineData("/private/x", false)]
    [InlineData("/private/open/y", true)]
    [InlineData("/files/report.pdf", false)]
    [InlineData("/files/report.pdf?x=1", true)]
    [InlineData("/", true)]
    public void IsAllowed_StarGroupForOtherAgents_LongestMatchWins(string path, bool allowed)
    {
        var rules = RobotsRules.Parse(Robots, "SomeCrawler");

        rules.IsAllowed(path).ShouldBe(allowed);
        rules.CrawlDelay.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Parse_EmptyOrGarbage_AllowsEverything()
    {
        RobotsRules.Parse(string.Empty, "StanceBoard").IsAllowed("/anything").ShouldBeTrue();
        RobotsRules.Parse("<html>not robots</html>", "StanceBoard").IsAllowed("/anything").ShouldBeTrue();
    }

    [Fact]
    public void DisallowAll_RefusesEverything()
    {
        RobotsRules.DisallowAll.IsAllowed("/").ShouldBeFalse();
        RobotsRules.DisallowAll.IsAllowed("/a/b").ShouldBeFalse();
    }
}
