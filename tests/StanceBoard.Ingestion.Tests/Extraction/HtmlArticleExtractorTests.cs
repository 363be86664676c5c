using StanceBoard.Ingestion.Extraction;

namespace StanceBoard.Ingestion.Tests.Extraction;

public sealed class HtmlArticleExtractorTests
{
    private const string Paragraphs = """
        <p>The first paragraph of the argument explains why the ceasefire of November changed the balance between Moscow and Ankara in the region.</p>
        <p>The second paragraph, longer still, adds that neither Baku nor Yerevan chose the arrangement freely, and that both will test its limits.</p>
        <p>The third paragraph concludes that the peacekeeping mandate, unwritten and open-ended, is itself an instrument of influence.</p>
        """;

    [Fact]
    public void Extract_JsonLdGraphWithIdReferences_ResolvesAuthorsPublisherAndDates()
    {
        const string Html = $$"""
            <html lang="en-GB"><head><title>Headline | Site</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"Organization","@id":"#org","name":"Policy Outlet"},
              {"@type":"Person","@id":"#p1","name":"Prof. Jane Roe"},
              {"@type":"Person","@id":"#p2","name":"John Doe PhD"},
              {"@type":["Article","NewsArticle"],"headline":"Headline","author":[{"@id":"#p1"},{"@id":"#p2"}],"publisher":{"@id":"#org"},
               "datePublished":"2020-10-05T09:30:00+04:00","dateModified":"2020-10-06T10:00:00Z"}]}</script>
            </head><body><article><h1>Headline</h1>{{Paragraphs}}</article></body></html>
            """;

        var article = HtmlArticleExtractor.Extract(Html);

        article.Title.ShouldBe("Headline");
        article.Authors.ShouldBe(["Jane Roe", "John Doe"]);
        article.Outlet.ShouldBe("Policy Outlet");
        article.Published.ShouldBe(new DateTimeOffset(2020, 10, 5, 9, 30, 0, TimeSpan.FromHours(4)));
        article.Modified.ShouldBe(new DateTimeOffset(2020, 10, 6, 10, 0, 0, TimeSpan.Zero));
        article.Language.ShouldBe("en");
    }

    [Fact]
    public void Extract_MarkupAndScriptInAuthorName_StrippedNotEscaped()
    {
        const string Html = $$"""
            <html><head><meta name="author" content="&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Jane Roe&lt;/b&gt; (@jroe)"></head>
            <body><article><h1>T</h1>{{Paragraphs}}</article></body></html>
            """;

        var article = HtmlArticleExtractor.Extract(Html);

        article.Authors.ShouldBe(["Jane Roe"]);
    }

    [Fact]
    public void Extract_FurnitureAroundTheArticle_KeptOutOfTheText()
    {
        const string Html = $$"""
            <html><body>
            <div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience on our website and for advertising purposes.</p><button>Accept all</button></div>
            <nav><a href="/">Home</a><a href="/about">About</a></nav>
            <main><article><h1>Title</h1>
              <div class="share-bar"><a href="#">Share on Twitter</a></div>
              {{Paragraphs}}
              <p>Advertisement</p>
              <h3>See also</h3><ul><li><a href="/a">Another piece on Karabakh and the peacekeepers from last year</a></li></ul>
            </article></main>
            <div class="related-posts"><h2>Related</h2><p>A summary of a different article about the South Caucasus that should not be read as this one.</p></div>
            <footer><p>Copyright 2020 Example Media. All rights reserved.</p></footer>
            </body></html>
            """;

        var article = HtmlArticleExtractor.Extract(Html);

        article.Text.Split("\n\n").Length.ShouldBe(3);
        article.Text.ShouldStartWith("The first paragraph");
        article.Text.ShouldNotContain("cookies");
        article.Text.ShouldNotContain("Advertisement");
        article.Text.ShouldNotContain("Another piece");
        article.Text.ShouldNotContain("different article");
    }

    [Fact]
    public void Extract_BylineAndBio_FoundWhenNoMetadata()
    {
        const string Html = $$"""
            <html><body><div class="content"><h1>Title</h1><p>By Dr. Anna Petrosyan and Lev Orlov</p>{{Paragraphs}}</div></body></html>
            """;
        const string Bio = $$"""
            <html><body><div class="content"><h1>Title</h1>{{Paragraphs}}
            <p><em>Sara Aliyeva (@saliyeva) is a non-resident fellow at the Caspian Institute.</em></p></div></body></html>
            """;

        HtmlArticleExtractor.Extract(Html).Authors.ShouldBe(["Anna Petrosyan", "Lev Orlov"]);
        var withBio = HtmlArticleExtractor.Extract(Bio);
        withBio.Authors.ShouldBe(["Sara Aliyeva"]);
        withBio.Text.ShouldNotContain("non-resident fellow");
    }

    [Fact]
    public void Extract_NoDateAnywhere_PublishedStaysNull()
    {
        var article = HtmlArticleExtractor.Extract($"<html><body><article><h1>T</h1>{Paragraphs}</article></body></html>");

        article.Published.ShouldBeNull();
        article.Modified.ShouldBeNull();
    }

    [Fact]
    public void Extract_RelativeCanonicalWithTracking_ResolvedAndCleaned()
    {
        const string Html = """<html><head><link rel="canonical" href="/analysis/piece/?utm_source=x#top"></head><body><p>x</p></body></html>""";

        var article = HtmlArticleExtractor.Extract(Html, new Uri("https://Outlet.Example/amp/analysis/piece"));

        article.CanonicalUrl.ShouldBe("https://outlet.example/analysis/piece");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not html at all")]
    [InlineData("<html><body></body></html>")]
    [InlineData("<<<>>><p")]
    public void Extract_EmptyOrGarbage_ReturnsEmptyArticleWithoutThrowing(string html)
    {
        var article = HtmlArticleExtractor.Extract(html);

        article.Authors.ShouldBeEmpty();
        article.Published.ShouldBeNull();
    }

    [Fact]
    public void Extract_DeeplyNestedMarkup_DoesNotOverflow()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 50_000)) + "<p>deep text</p>" + string.Concat(Enumerable.Repeat("</div>", 50_000));

        Should.NotThrow(() => HtmlArticleExtractor.Extract(html));
    }
}
