using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Tests.TestSupport;

namespace StanceBoard.Ingestion.Tests.Fetching;

/// <summary>SSRF guard, robots.txt, politeness limits, conditional GET and charsets against the loopback server.</summary>
public sealed class WebFetcherSafetyTests : IAsyncLifetime
{
    private TestWebServer _server = null!;

    public async Task InitializeAsync() => _server = await TestWebServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FetchAsync_LoopbackWithGuardOn_RefusedAsSsrf()
    {
        _server.MapText("/secret", "internal");
        using var fetcher = TestFetchers.Create(o => o.AllowPrivateNetworks = false);

        var result = await fetcher.FetchAsync(_server.Url("/secret"));

        result.ErrorKind.ShouldBe(FetchErrorKind.Ssrf);
        result.Log.Error!.ShouldContain("127.0.0.1");
        result.Log.Error!.ShouldContain("Ingestion:AllowPrivateNetworks");
        _server.Hits("/secret").ShouldBe(0);
    }

    [Fact]
    public async Task FetchAsync_HostNameResolvingToLoopback_RefusedAfterDnsResolution()
    {
        _server.MapText("/secret", "internal");
        using var fetcher = TestFetchers.Create(o => o.AllowPrivateNetworks = false);
        var url = new Uri($"http://localhost:{_server.BaseUrl.Port}/secret");

        var result = await fetcher.FetchAsync(url);

        result.ErrorKind.ShouldBe(FetchErrorKind.Ssrf);
        result.Log.Error!.ShouldContain("localhost");
        result.Log.Attempts.ShouldBe(1, "an SSRF refusal is not retried");
        _server.Hits("/secret").ShouldBe(0);
    }

    [Fact]
    public async Task FetchAsync_CloudMetadataAddress_RefusedWithoutConnecting()
    {
        using var fetcher = TestFetchers.Create(o => o.AllowPrivateNetworks = false);

        var result = await fetcher.FetchAsync(new Uri("http://169.254.169.254/latest/meta-data/"));

        result.ErrorKind.ShouldBe(FetchErrorKind.Ssrf);
        result.Log.Error!.ShouldContain("169.254.169.254");
        result.Log.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task FetchAsync_RedirectToMetadataAddress_RefusedOnTheHop()
    {
        _server.Map("/innocent", ctx =>
        {
            ctx.Response.Redirect("http://169.254.169.254/latest/meta-data/iam/");
            return Task.CompletedTask;
        });
        using var fetcher = TestFetchers.Create(o =>
        {
            o.AllowPrivateNetworks = false;
            o.AllowedNetworks.Add("127.0.0.0/8");
        });

        var result = await fetcher.FetchAsync(_server.Url("/innocent"));

        result.ErrorKind.ShouldBe(FetchErrorKind.Ssrf);
        result.Log.FinalUrl!.ShouldContain("169.254.169.254");
        _server.Hits("/innocent").ShouldBe(1);
    }

    [Fact]
    public async Task FetchAsync_RobotsDisallows_RefusedAndRobotsFetchedOnce()
    {
        _server.MapText("/robots.txt", "User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n", "text/plain");
        _server.MapText("/private/page", "no");
        _server.MapText("/public/page", "<p>yes</p>");
        using var fetcher = TestFetchers.Create(o =>
        {
            o.Politeness = true;
            o.PerHostRequestsPerSecond = 1000;
            o.PerHostBurst = 100;
        });

        var refused = await fetcher.FetchAsync(_server.Url("/private/page"));
        var allowed = await fetcher.FetchAsync(_server.Url("/public/page"));

        refused.ErrorKind.ShouldBe(FetchErrorKind.RobotsDisallowed);
        refused.Log.Error!.ShouldContain("robots.txt");
        allowed.Succeeded.ShouldBeTrue(allowed.Log.Error);
        _server.Hits("/private/page").ShouldBe(0);
        _server.Hits("/robots.txt").ShouldBe(1);
        _server.Requests.First(r => r.Path == "/public/page").Headers.UserAgent.ToString().ShouldStartWith("StanceBoard/1.0 (");
    }

    [Fact]
    public async Task FetchAsync_ManyParallelFetchesToOneHost_NeverExceedPerHostConcurrency()
    {
        _server.Map("/slowish", async ctx =>
        {
            await Task.Delay(30);
            _server.EndInFlight(ctx);
            await ctx.Response.WriteAsync("done");
        });
        using var fetcher = TestFetchers.Create(o => o.PerHostConcurrency = 2);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => fetcher.FetchAsync(_server.Url($"/slowish?i={i}"))));

        results.ShouldAllBe(r => r.Succeeded);
        _server.MaxInFlight.ShouldBe(2);
        fetcher.GetMaxInFlightPerHost().Values.Single().ShouldBe(2);
    }

    [Fact]
    public async Task FetchAsync_PolitenessOn_RequestRateFollowsFakeClock()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        _server.MapText("/robots.txt", string.Empty, "text/plain");
        _server.Map("/page", ctx =>
        {
            arrivals.Enqueue(time.GetUtcNow());
            return ctx.Response.WriteAsync("ok");
        });
        using var fetcher = TestFetchers.Create(
            o =>
            {
                o.Politeness = true;
                o.PerHostRequestsPerSecond = 1;
                o.PerHostBurst = 1;
                o.PerHostConcurrency = 4;
            },
            time);

        var tasks = Enumerable.Range(0, 3).Select(i => fetcher.FetchAsync(_server.Url($"/page?i={i}"))).ToList();
        await FakeTime.WaitUntilAsync(() => _server.Hits("/robots.txt") == 1);
        for (var second = 1; second <= 3; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await FakeTime.WaitUntilAsync(() => arrivals.Count >= second);
        }

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(10));

        // Each request is stamped with the fake time it reached the server: one per second, none in
        // the first (robots.txt took its only token), whatever the real scheduling was.
        arrivals.Select(a => (a - start).TotalSeconds).Order().ShouldBe([1, 2, 3]);
    }

    [Theory]
    [InlineData("10", 10)]
    [InlineData("3600", 60)]
    public async Task FetchAsync_RobotsCrawlDelay_SpacesRequestStartsUpToTheCap(string crawlDelay, int expectedSeconds)
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        _server.MapText("/robots.txt", $"User-agent: *\nCrawl-delay: {crawlDelay}\n", "text/plain");
        _server.Map("/page", ctx =>
        {
            arrivals.Enqueue(time.GetUtcNow());
            return ctx.Response.WriteAsync("ok");
        });
        using var fetcher = TestFetchers.Create(
            o =>
            {
                o.Politeness = true;
                o.PerHostRequestsPerSecond = 1000;
                o.PerHostBurst = 100;
                o.PerHostConcurrency = 4;
                o.MaxCrawlDelay = TimeSpan.FromSeconds(60);

                // The fake clock jumps by the Crawl-delay while a request may be in flight on the
                // real server; timeouts longer than the jumps keep it from being cut off and retried.
                o.AttemptTimeout = TimeSpan.FromHours(1);
                o.TotalTimeout = TimeSpan.FromHours(2);
            },
            time);

        var tasks = Enumerable.Range(0, 3).Select(i => fetcher.FetchAsync(_server.Url($"/page?i={i}"))).ToList();
        await FakeTime.WaitUntilAsync(() => arrivals.Count == 1);
        time.Advance(TimeSpan.FromSeconds(expectedSeconds - 1));
        time.Advance(TimeSpan.FromSeconds(1));
        await FakeTime.WaitUntilAsync(() => arrivals.Count == 2);
        time.Advance(TimeSpan.FromSeconds(expectedSeconds));
        var results = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(10));

        // Stamped with the fake time of arrival: the first at once, each next one a full Crawl-delay later.
        results.ShouldAllBe(r => r.Succeeded);
        arrivals.Select(a => (a - start).TotalSeconds).Order().ShouldBe([0, expectedSeconds, 2 * expectedSeconds]);
    }

    [Fact]
    public async Task FetchAsync_WithStoredValidators_UnchangedContentCosts304()
    {
        _server.Map("/feed", ctx =>
        {
            const string ETag = "\"v1\"";
            if (ctx.Request.Headers.IfNoneMatch == ETag)
            {
                ctx.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            ctx.Response.Headers.ETag = ETag;
            ctx.Response.Headers.LastModified = "Mon, 05 Oct 2020 10:00:00 GMT";
            ctx.Response.ContentType = "application/rss+xml";
            return ctx.Response.WriteAsync("<rss version=\"2.0\"><channel/></rss>");
        });
        using var fetcher = TestFetchers.Create();

        var first = await fetcher.FetchAsync(_server.Url("/feed"));
        var second = await fetcher.FetchAsync(_server.Url("/feed"), first.Validators);

        first.Succeeded.ShouldBeTrue();
        first.Validators.ShouldBe(new HttpValidators("\"v1\"", new DateTimeOffset(2020, 10, 5, 10, 0, 0, TimeSpan.Zero)));
        second.NotModified.ShouldBeTrue();
        second.Status.ShouldBe(HttpStatusCode.NotModified);
        second.Text.ShouldBeEmpty();
        _server.Requests.Last().Headers.IfModifiedSince.ToString().ShouldBe("Mon, 05 Oct 2020 10:00:00 GMT");
    }

    [Fact]
    public async Task FetchAsync_CharsetFromHeaderMetaOrBom_DecodedCorrectly()
    {
        var cyrillic = "Карабах и Южный Кавказ";
        var cp1251 = CodePagesEncoding(1251);
        _server.Map("/header", ctx =>
        {
            ctx.Response.ContentType = "text/html; charset=windows-1251";
            return ctx.Response.Body.WriteAsync(cp1251.GetBytes($"<p>{cyrillic}</p>")).AsTask();
        });
        _server.Map("/meta", ctx =>
        {
            ctx.Response.ContentType = "text/html";
            return ctx.Response.Body.WriteAsync(cp1251.GetBytes($"<html><head><meta charset=\"windows-1251\"></head><body><p>{cyrillic}</p></body></html>")).AsTask();
        });
        _server.Map("/bom", ctx =>
        {
            ctx.Response.ContentType = "text/html; charset=iso-8859-1";
            return ctx.Response.Body.WriteAsync(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"<p>{cyrillic}</p>")).ToArray()).AsTask();
        });
        using var fetcher = TestFetchers.Create();

        foreach (var path in new[] { "/header", "/meta", "/bom" })
        {
            var result = await fetcher.FetchAsync(_server.Url(path));
            result.Text.ShouldContain(cyrillic, customMessage: path);
        }
    }

    [Fact]
    public async Task FetchAsync_UnknownCharsetAndInvalidUtf8_ReportsBadCharset()
    {
        _server.Map("/bad-charset", ctx =>
        {
            ctx.Response.ContentType = "text/html; charset=x-made-up";
            return ctx.Response.Body.WriteAsync(new byte[] { 0x3C, 0x70, 0x3E, 0xC3, 0x28, 0xA0, 0xA1, 0x3C }).AsTask();
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(_server.Url("/bad-charset"));

        result.ErrorKind.ShouldBe(FetchErrorKind.BadCharset);
        result.Log.Error!.ShouldContain("x-made-up");
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
