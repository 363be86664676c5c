using Microsoft.AspNetCore.Http;
using StanceBoard.Ingestion.Detection;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Pipeline;
using StanceBoard.Ingestion.Sources;
using StanceBoard.Ingestion.Tests.TestSupport;

namespace StanceBoard.Ingestion.Tests.Pipeline;

public sealed class WebIngestionPipelineTests : IAsyncLifetime
{
    private readonly InMemoryIngestionState _state = new();
    private TestWebServer _server = null!;
    private WebFetcher _fetcher = null!;

    public async Task InitializeAsync()
    {
        _server = await TestWebServer.StartAsync();
        _fetcher = TestFetchers.Create(o => o.MaxRetries = 0);
    }

    public async Task DisposeAsync()
    {
        await _fetcher.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task PollAsync_RssFeed_IngestsEachArticleOnceAndTheNextPollIsA304()
    {
        ServeFeed("/feed.xml", [1, 2, 3]);
        var source = Source("/feed.xml");
        var stored = new List<IngestionItem>();

        var first = await CreateSut().PollAsync(source, Store(stored));
        var second = await CreateSut().PollAsync(source, Store(stored));

        first.Kind.ShouldBe(DocumentKind.Rss);
        first.ValidatorsSaved.ShouldBeTrue();
        first.Counts[IngestionItemStatus.New].ShouldBe(3);
        stored.Select(i => i.Piece!.Title).Order().ShouldBe(["Article 1", "Article 2", "Article 3"]);
        stored[0].Piece!.Authors.ShouldBe(["Jane Roe"], "the page wins over the feed");
        stored[0].Piece!.Outlet.ShouldBe("Test Outlet");
        stored[0].Piece!.Origin.ShouldBe("test-source");
        stored[0].Piece!.Url!.ShouldNotContain("utm_source");
        second.Succeeded.ShouldBeTrue();
        second.Fetch.ErrorKind.ShouldBe(FetchErrorKind.NotModified);
        second.Counts.ShouldBeEmpty();
        stored.Count.ShouldBe(3);
        _server.Hits("/articles/1").ShouldBe(1);
    }

    [Fact]
    public async Task PollAsync_NewItemInChangedFeed_OnlyTheNewArticleIsFetched()
    {
        ServeFeed("/feed.xml", [1, 2]);
        var stored = new List<IngestionItem>();
        await CreateSut().PollAsync(Source("/feed.xml"), Store(stored));
        ServeFeed("/feed.xml", [1, 2, 3], etag: "\"v2\"");

        var report = await CreateSut().PollAsync(Source("/feed.xml"), Store(stored));

        report.Counts[IngestionItemStatus.KnownUrl].ShouldBe(2);
        report.Counts[IngestionItemStatus.New].ShouldBe(1);
        _server.Hits("/articles/1").ShouldBe(1);
        _server.Hits("/articles/3").ShouldBe(1);
    }

    [Fact]
    public async Task PollAsync_ItemFailsTransiently_ValidatorsNotSavedSoTheNextPollRetriesIt()
    {
        ServeFeed("/feed.xml", [1, 2]);
        var broken = true;
        _server.Map("/articles/2", ctx =>
        {
            if (Volatile.Read(ref broken))
            {
                ctx.Response.StatusCode = 503;
                return Task.CompletedTask;
            }

            return ctx.Response.WriteAsync(TestPages.Article(2));
        });
        var stored = new List<IngestionItem>();

        var first = await CreateSut().PollAsync(Source("/feed.xml"), Store(stored));
        Volatile.Write(ref broken, false);
        var second = await CreateSut().PollAsync(Source("/feed.xml"), Store(stored));

        first.ValidatorsSaved.ShouldBeFalse();
        first.Counts[IngestionItemStatus.Failed].ShouldBe(1);
        second.Counts[IngestionItemStatus.New].ShouldBe(1);
        second.ValidatorsSaved.ShouldBeTrue();
        stored.Where(i => i.Status == IngestionItemStatus.New).Select(i => i.Piece!.Title).Order().ShouldBe(["Article 1", "Article 2"]);
    }

    [Fact]
    public async Task PollAsync_ConsumerCrashesMidBatch_NothingIsLostOnTheNextPoll()
    {
        ServeFeed("/feed.xml", [1, 2, 3, 4]);
        var stored = new List<IngestionItem>();
        var calls = 0;

        await Should.ThrowAsync<InvalidOperationException>(() => CreateSut(parallel: 1).PollAsync(Source("/feed.xml"), (item, _) =>
        {
            if (++calls == 3)
            {
                throw new InvalidOperationException("process killed");
            }

            stored.Add(item);
            _state.Remember(item);
            return ValueTask.CompletedTask;
        }));
        var retry = await CreateSut().PollAsync(Source("/feed.xml"), Store(stored));

        (await _state.GetValidatorsAsync(Source("/feed.xml").Url.AbsoluteUri, default)).ShouldNotBeNull();
        retry.Counts[IngestionItemStatus.New].ShouldBe(2);
        stored.Where(i => i.Status == IngestionItemStatus.New).Select(i => i.Piece!.Title).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public async Task PollAsync_SyndicatedCopy_IsLinkedAsNearDuplicate()
    {
        var original = TestPages.Body(5);
        _server.MapText("/articles/5", TestPages.Article(5, text: original));
        _server.MapText("/articles/6", TestPages.Article(6, text: "<p>This article first appeared elsewhere and is republished with permission.</p>" + original));
        _server.Map("/feed.xml", ctx => ctx.Response.WriteAsync(TestPages.Rss(_server.BaseUrl, [5]).Replace("articles/5?", "articles/5?", StringComparison.Ordinal)));
        var stored = new List<IngestionItem>();
        await CreateSut().PollAsync(Source("/feed.xml"), Store(stored));
        _server.Map("/feed2.xml", ctx => ctx.Response.WriteAsync(TestPages.Rss(_server.BaseUrl, [6])));

        var report = await CreateSut().PollAsync(Source("/feed2.xml"), Store(stored));

        report.Counts[IngestionItemStatus.NearDuplicate].ShouldBe(1);
        var copy = stored.Single(i => i.Status == IngestionItemStatus.NearDuplicate);
        copy.DuplicateOf.ShouldBe(stored[0].CanonicalUrl);
        copy.Piece.ShouldNotBeNull();
    }

    [Fact]
    public async Task PollAsync_SitemapIndex_ReadsChildSitemapsNewestFirst()
    {
        _server.MapText("/sitemap_index.xml", $"""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{_server.Url("/news-sitemap.xml")}</loc></sitemap></sitemapindex>
            """, "application/xml");
        _server.MapText("/news-sitemap.xml", $"""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>{_server.Url("/articles/7")}</loc><news:news><news:publication><news:name>Sitemap Outlet</news:name><news:language>en</news:language></news:publication><news:publication_date>2020-11-01T00:00:00Z</news:publication_date><news:title>T7</news:title></news:news></url>
              <url><loc>{_server.Url("/articles/8")}</loc><news:news><news:publication><news:name>Sitemap Outlet</news:name><news:language>en</news:language></news:publication><news:publication_date>2020-11-02T00:00:00Z</news:publication_date><news:title>T8</news:title></news:news></url>
            </urlset>
            """, "application/xml");
        _server.MapText("/articles/7", TestPages.Article(7, published: null));
        _server.MapText("/articles/8", TestPages.Article(8, published: null));
        var stored = new List<IngestionItem>();

        var report = await CreateSut(parallel: 1).PollAsync(Source("/sitemap_index.xml"), Store(stored));

        report.Kind.ShouldBe(DocumentKind.SitemapIndex);
        stored.Select(i => i.Piece!.Title).ShouldBe(["Article 8", "Article 7"]);
        stored[0].Piece!.Published.ShouldBe(new DateTimeOffset(2020, 11, 2, 0, 0, 0, TimeSpan.Zero), "the feed fills what the page lacks");
    }

    [Fact]
    public async Task IngestAsync_KindDetectedFromTheBodyNotTheExtension()
    {
        _server.MapText("/looks-like-a-feed.xml", TestPages.Article(9), "text/html");
        _server.MapText("/looks-like-a-page.html", TestPages.Rss(_server.BaseUrl, [10, 11]), "text/html");
        ServeArticle(10);
        ServeArticle(11);

        var items = new List<IngestionItem>();
        await foreach (var item in CreateSut().IngestAsync([_server.Url("/looks-like-a-feed.xml"), _server.Url("/looks-like-a-page.html"), _server.Url("/missing")]))
        {
            items.Add(item);
        }

        items.Count.ShouldBe(4);
        items[0].Piece!.Title.ShouldBe("Article 9");
        items.Skip(1).Take(2).Select(i => i.Piece!.Title).Order().ShouldBe(["Article 10", "Article 11"]);
        items[3].Status.ShouldBe(IngestionItemStatus.Failed);
        items[3].ErrorKind.ShouldBe(FetchErrorKind.HttpStatus);
        items[3].Error!.ShouldContain("404");
    }

    [Fact]
    public async Task PollAsync_PageWithoutArticleText_ReportedAsNoContent()
    {
        _server.MapText("/empty", "<html><body><nav><a href='/'>Home</a></nav><p>Short.</p></body></html>");

        var report = await CreateSut().PollAsync(new WebSource { Id = "e", Url = _server.Url("/empty"), Kind = SourceKind.Article }, (_, _) => ValueTask.CompletedTask);

        report.Counts[IngestionItemStatus.Failed].ShouldBe(1);
        _state.FetchLog.ShouldHaveSingleItem().Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task PollAsync_FeedWithDtd_ReportsTheErrorAndFetchesNothing()
    {
        _server.MapText("/evil.xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>", "application/rss+xml");

        var report = await CreateSut().PollAsync(Source("/evil.xml"), (_, _) => ValueTask.CompletedTask);

        report.ErrorKind.ShouldBe(FetchErrorKind.DtdProhibited);
        report.ValidatorsSaved.ShouldBeFalse();
        report.Counts.ShouldBeEmpty();
    }

    [Fact]
    public async Task PollAsync_Cancelled_Throws()
    {
        _server.Map("/slow.xml", ctx => Task.Delay(Timeout.Infinite, ctx.RequestAborted));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => CreateSut().PollAsync(Source("/slow.xml"), (_, _) => ValueTask.CompletedTask, cancellationToken: cts.Token));
    }

    private WebIngestionPipeline CreateSut(int parallel = 4) =>
        new(_fetcher, _state, new IngestionOptions { MaxParallelItems = parallel });

    private WebSource Source(string path) => new() { Id = "test-source", Url = _server.Url(path) };

    private Func<IngestionItem, CancellationToken, ValueTask> Store(List<IngestionItem> stored) => (item, _) =>
    {
        stored.Add(item);
        _state.Remember(item);
        return ValueTask.CompletedTask;
    };

    private void ServeArticle(int id) => _server.MapText($"/articles/{id}", TestPages.Article(id));

    private void ServeFeed(string path, int[] ids, string etag = "\"v1\"")
    {
        foreach (var id in ids)
        {
            ServeArticle(id);
        }

        var body = TestPages.Rss(_server.BaseUrl, ids);
        _server.Map(path, ctx =>
        {
            if (ctx.Request.Headers.IfNoneMatch == etag)
            {
                ctx.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            ctx.Response.Headers.ETag = etag;
            ctx.Response.ContentType = "application/rss+xml";
            return ctx.Response.WriteAsync(body);
        });
    }
}
