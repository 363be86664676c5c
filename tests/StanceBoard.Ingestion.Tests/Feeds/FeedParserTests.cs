using System.Text;
using StanceBoard.Ingestion.Detection;
using StanceBoard.Ingestion.Feeds;
using StanceBoard.Ingestion.Fetching;

namespace StanceBoard.Ingestion.Tests.Feeds;

public sealed class FeedParserTests
{
    private static readonly Uri s_base = new("https://outlet.example/feed/");

    [Fact]
    public void Parse_Rss20_ReadsItemsWithAuthorsDatesAndContent()
    {
        const string Rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel>
                <title>Caucasus Monitor</title>
                <link>https://outlet.example/</link>
                <language>en-GB</language>
                <item>
                  <title>Ceasefire &amp; after: what Moscow wants</title>
                  <link>https://outlet.example/2020/11/ceasefire?utm_source=rss</link>
                  <guid isPermaLink="false">post-101</guid>
                  <dc:creator><![CDATA[Dr. Anna Petrosyan and <b>Lev Orlov</b>]]></dc:creator>
                  <pubDate>Tue, 10 Nov 2020 08:30:00 +0400</pubDate>
                  <description>Short summary.</description>
                  <content:encoded><![CDATA[<p>Full text.</p>]]></content:encoded>
                </item>
                <item>
                  <title>Relative link</title>
                  <link>/2020/11/relative</link>
                  <author>editor@outlet.example (Mehmet Kaya)</author>
                  <pubDate>not a date</pubDate>
                </item>
              </channel>
            </rss>
            """;

        var feed = FeedParser.Parse(Rss, s_base);

        feed.Kind.ShouldBe(DocumentKind.Rss);
        feed.IsComplete.ShouldBeTrue();
        feed.Title.ShouldBe("Caucasus Monitor");
        feed.Language.ShouldBe("en");
        feed.Items.Count.ShouldBe(2);
        var first = feed.Items[0];
        first.Title.ShouldBe("Ceasefire & after: what Moscow wants");
        first.Url.ShouldBe("https://outlet.example/2020/11/ceasefire?utm_source=rss");
        first.Authors.ShouldBe(["Anna Petrosyan", "Lev Orlov"]);
        first.Published.ShouldBe(new DateTimeOffset(2020, 11, 10, 8, 30, 0, TimeSpan.FromHours(4)));
        first.Content.ShouldBe("<p>Full text.</p>");
        first.Outlet.ShouldBe("Caucasus Monitor");
        var second = feed.Items[1];
        second.Url.ShouldBe("https://outlet.example/2020/11/relative");
        second.Authors.ShouldBe(["Mehmet Kaya"]);
        second.Published.ShouldBeNull("an invalid date stays unknown");
    }

    [Fact]
    public void Parse_Atom_ReadsAlternateLinksAndFeedLevelAuthor()
    {
        const string Atom = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title type="html">Analysis &lt;em&gt;Desk&lt;/em&gt;</title>
              <link rel="alternate" href="https://think.example/"/>
              <author><name>Nora Quinn</name></author>
              <entry>
                <title>Turkey's drones</title>
                <link rel="self" href="https://think.example/api/1"/>
                <link rel="alternate" type="text/html" href="https://think.example/analysis/drones"/>
                <id>tag:think.example,2020:1</id>
                <published>2020-10-05T09:00:00Z</published>
                <updated>2020-10-06T10:00:00+03:00</updated>
                <summary type="html">&lt;p&gt;Summary&lt;/p&gt;</summary>
              </entry>
              <entry>
                <title>Own author</title>
                <link href="analysis/second"/>
                <id>tag:think.example,2020:2</id>
                <author><name>Sara Aliyeva</name></author>
                <updated>2020-13-45T99:00:00Z</updated>
              </entry>
            </feed>
            """;

        var feed = FeedParser.Parse(Atom, new Uri("https://think.example/feed.atom"));

        feed.Kind.ShouldBe(DocumentKind.Atom);
        feed.Title.ShouldBe("Analysis Desk");
        feed.SiteUrl.ShouldBe("https://think.example/");
        feed.Items[0].Url.ShouldBe("https://think.example/analysis/drones");
        feed.Items[0].Authors.ShouldBe(["Nora Quinn"]);
        feed.Items[0].Published.ShouldBe(new DateTimeOffset(2020, 10, 5, 9, 0, 0, TimeSpan.Zero));
        feed.Items[0].Updated.ShouldBe(new DateTimeOffset(2020, 10, 6, 10, 0, 0, TimeSpan.FromHours(3)));
        feed.Items[1].Url.ShouldBe("https://think.example/analysis/second");
        feed.Items[1].Authors.ShouldBe(["Sara Aliyeva"]);
        feed.Items[1].Updated.ShouldBeNull();
        feed.Items[1].Language.ShouldBe("en");
    }

    [Fact]
    public void Parse_JsonFeed_ReadsItems()
    {
        const string Json = """
            {"version":"https://jsonfeed.org/version/1.1","title":"JF","home_page_url":"https://jf.example/",
             "authors":[{"name":"Feed Author"}],
             "items":[
               {"id":"1","url":"https://jf.example/a","title":"A","content_html":"<p>x</p>","date_published":"2020-10-01T12:00:00+02:00","authors":[{"name":"Item Author"}]},
               {"id":"2","title":"no url"},
               {"id":"3","external_url":"https://other.example/b","title":"B","date_published":"yesterday"}
             ]}
            """;

        var feed = FeedParser.Parse(Json);

        feed.Kind.ShouldBe(DocumentKind.JsonFeed);
        feed.Items.Count.ShouldBe(2);
        feed.TotalItems.ShouldBe(3);
        feed.Warnings.ShouldHaveSingleItem().ShouldContain("no usable url");
        feed.Items[0].Authors.ShouldBe(["Item Author"]);
        feed.Items[0].Published.ShouldBe(new DateTimeOffset(2020, 10, 1, 12, 0, 0, TimeSpan.FromHours(2)));
        feed.Items[1].Authors.ShouldBe(["Feed Author"]);
        feed.Items[1].Published.ShouldBeNull();
    }

    [Fact]
    public void Parse_GoogleNewsSitemap_ReadsNewsFields()
    {
        const string Sitemap = """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url>
                <loc>https://news.example/world/karabakh-talks</loc>
                <lastmod>2020-11-10</lastmod>
                <news:news>
                  <news:publication><news:name>News Example</news:name><news:language>en</news:language></news:publication>
                  <news:publication_date>2020-11-10T06:00:00+00:00</news:publication_date>
                  <news:title>Karabakh talks resume</news:title>
                </news:news>
              </url>
            </urlset>
            """;

        var feed = FeedParser.Parse(Sitemap);

        feed.Kind.ShouldBe(DocumentKind.Sitemap);
        var item = feed.Items.ShouldHaveSingleItem();
        item.Url.ShouldBe("https://news.example/world/karabakh-talks");
        item.Title.ShouldBe("Karabakh talks resume");
        item.Outlet.ShouldBe("News Example");
        item.Language.ShouldBe("en");
        item.Published.ShouldBe(new DateTimeOffset(2020, 11, 10, 6, 0, 0, TimeSpan.Zero));
        item.Updated.ShouldBe(new DateTimeOffset(2020, 11, 10, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Parse_SitemapIndex_ListsChildSitemapsUpToTheCap()
    {
        var sb = new StringBuilder("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (var i = 0; i < 30; i++)
        {
            sb.Append($"<sitemap><loc>https://news.example/sitemap-{i}.xml</loc></sitemap>");
        }

        var feed = FeedParser.Parse(sb.Append("</sitemapindex>").ToString(), options: new FeedParseOptions { MaxChildSitemaps = 5 });

        feed.Kind.ShouldBe(DocumentKind.SitemapIndex);
        feed.ChildSitemaps.Count.ShouldBe(5);
        feed.TotalItems.ShouldBe(30);
        feed.Truncated.ShouldBeTrue();
    }

    [Fact]
    public void Parse_TenThousandItems_KeepsTheCapAndCountsTheRest()
    {
        var sb = new StringBuilder("<rss version=\"2.0\"><channel><title>Big</title>");
        for (var i = 0; i < 10_000; i++)
        {
            sb.Append($"<item><title>Item {i}</title><link>https://big.example/{i}</link><pubDate>Mon, 05 Oct 2020 10:00:00 GMT</pubDate></item>");
        }

        var feed = FeedParser.Parse(sb.Append("</channel></rss>").ToString(), options: new FeedParseOptions { MaxItems = 500 });

        feed.IsComplete.ShouldBeTrue();
        feed.Items.Count.ShouldBe(500);
        feed.TotalItems.ShouldBe(10_000);
        feed.Truncated.ShouldBeTrue();
        feed.Items[^1].Url.ShouldBe("https://big.example/499");
    }

    [Fact]
    public void Parse_BillionLaughs_RefusedAsDtdWithoutExpanding()
    {
        const string Laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
            ]>
            <rss version="2.0"><channel><title>&lol9;</title></channel></rss>
            """;

        var feed = FeedParser.Parse(Laughs);

        feed.ErrorKind.ShouldBe(FetchErrorKind.DtdProhibited);
        feed.Error!.ShouldContain("billion laughs");
        feed.Title.ShouldBeNull();
    }

    [Fact]
    public void Parse_ExternalEntity_RefusedAsDtd()
    {
        const string Xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <rss version="2.0"><channel><title>x</title><item><title>&xxe;</title><link>https://a.example/</link></item></channel></rss>
            """;

        var feed = FeedParser.Parse(Xxe);

        feed.ErrorKind.ShouldBe(FetchErrorKind.DtdProhibited);
        feed.Items.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_TruncatedXml_KeepsItemsBeforeTheFaultAndSaysWhere()
    {
        const string Truncated = "<rss version=\"2.0\"><channel><title>T</title>"
            + "<item><title>One</title><link>https://t.example/1</link></item>"
            + "<item><title>Two</title><link>https://t.example/2</link></item>"
            + "<item><title>Thr";

        var feed = FeedParser.Parse(Truncated);

        feed.ErrorKind.ShouldBe(FetchErrorKind.Malformed);
        feed.IsComplete.ShouldBeFalse();
        feed.Items.Select(i => i.Title).ShouldBe(["One", "Two"]);
        feed.Error!.ShouldContain("line 1");
        feed.Error!.ShouldContain("2 entries before the fault were kept");
    }

    [Theory]
    [InlineData("<rss><channel><item></rss>")]
    [InlineData("<<<>>>")]
    [InlineData("{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[")]
    [InlineData("<html><body>not a feed</body></html>")]
    [InlineData("")]
    public void Parse_GarbageInput_ReportsAnErrorWithoutThrowing(string text)
    {
        var feed = FeedParser.Parse(text);

        feed.IsComplete.ShouldBeFalse();
        feed.Error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Parse_DocumentOverCharacterCap_Refused()
    {
        var feed = FeedParser.Parse("<rss>" + new string(' ', 2000) + "</rss>", options: new FeedParseOptions { MaxCharacters = 1000 });

        feed.ErrorKind.ShouldBe(FetchErrorKind.TooLarge);
    }
}
