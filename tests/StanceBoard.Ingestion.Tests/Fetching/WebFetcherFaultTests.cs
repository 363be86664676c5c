using System.Net;
using Microsoft.AspNetCore.Http;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Tests.TestSupport;

namespace StanceBoard.Ingestion.Tests.Fetching;

/// <summary>Each fault the web throws at a fetcher, served by a real Kestrel server on loopback.</summary>
public sealed class WebFetcherFaultTests : IAsyncLifetime
{
    private TestWebServer _server = null!;

    public async Task InitializeAsync() => _server = await TestWebServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FetchAsync_ServerErrorsThenSuccess_RetriesUntilSuccess()
    {
        var calls = 0;
        _server.Map("/flaky", ctx =>
        {
            if (Interlocked.Increment(ref calls) <= 2)
            {
                ctx.Response.StatusCode = 500;
                return Task.CompletedTask;
            }

            return ctx.Response.WriteAsync("<html><body><p>ok</p></body></html>");
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(_server.Url("/flaky"));

        result.Succeeded.ShouldBeTrue(result.Log.Error);
        result.Log.Attempts.ShouldBe(3);
        _server.Hits("/flaky").ShouldBe(3);
    }

    [Fact]
    public async Task FetchAsync_ServerErrorsPersist_ReportsHttpStatusAfterAllAttempts()
    {
        _server.Map("/down", ctx =>
        {
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        using var fetcher = TestFetchers.Create(o => o.MaxRetries = 2);

        var result = await fetcher.FetchAsync(_server.Url("/down"));

        result.ErrorKind.ShouldBe(FetchErrorKind.HttpStatus);
        result.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        result.IsTransient.ShouldBeTrue();
        result.Log.Error!.ShouldContain("503");
        result.Log.Error!.ShouldContain("3 attempts");
        _server.Hits("/down").ShouldBe(3);
    }

    [Fact]
    public async Task FetchAsync_NotFound_IsNotRetried()
    {
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(_server.Url("/missing"));

        result.ErrorKind.ShouldBe(FetchErrorKind.HttpStatus);
        result.Status.ShouldBe(HttpStatusCode.NotFound);
        result.IsTransient.ShouldBeFalse();
        _server.Hits("/missing").ShouldBe(1);
    }

    [Fact]
    public async Task FetchAsync_TooManyRequestsWithRetryAfter_WaitsThatLongInFakeTime()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        _server.Map("/limited", ctx =>
        {
            arrivals.Enqueue(time.GetUtcNow());
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers.RetryAfter = "20";
                return Task.CompletedTask;
            }

            return ctx.Response.WriteAsync("fine");
        });
        using var fetcher = TestFetchers.Create(time: time);

        // Fake time moves a second at a time until the fetch is done; each request is stamped with
        // the fake time it arrived, so the wait is read off the clock, not guessed in real time.
        var result = await FakeTime.RunAsync(time, fetcher.FetchAsync(_server.Url("/limited")), TimeSpan.FromSeconds(1));

        result.Succeeded.ShouldBeTrue(result.Log.Error);
        result.Text.ShouldBe("fine");
        _server.Hits("/limited").ShouldBe(2);
        var times = arrivals.ToArray();
        (times[1] - times[0]).TotalSeconds.ShouldBeInRange(20, 23, "Retry-After: 20 holds the retry for 20 s, and no longer than needed");
    }

    [Fact]
    public async Task FetchAsync_RetryAfterOverCap_GivesUpWithClearMessage()
    {
        _server.Map("/later", ctx =>
        {
            ctx.Response.StatusCode = 429;
            ctx.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(_server.Url("/later"));

        result.ErrorKind.ShouldBe(FetchErrorKind.HttpStatus);
        result.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        result.Log.Error!.ShouldContain("Retry-After 3600 s is over the 30 s cap");
        _server.Hits("/later").ShouldBe(1);
    }

    [Fact]
    public async Task FetchAsync_ConnectionReset_RetriesOnNewConnection()
    {
        var calls = 0;
        _server.Map("/reset", ctx =>
        {
            if (Interlocked.Increment(ref calls) <= 2)
            {
                ctx.Abort();
                return Task.CompletedTask;
            }

            return ctx.Response.WriteAsync("survived");
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(_server.Url("/reset"));

        result.Succeeded.ShouldBeTrue(result.Log.Error);
        result.Text.ShouldBe("survived");
        result.Log.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task FetchAsync_ConnectionResetEveryTime_ReportsNetworkError()
    {
        _server.Map("/always-reset", ctx =>
        {
            ctx.Abort();
            return Task.CompletedTask;
        });
        using var fetcher = TestFetchers.Create(o => o.MaxRetries = 1);

        var result = await fetcher.FetchAsync(_server.Url("/always-reset"));

        result.ErrorKind.ShouldBe(FetchErrorKind.Network);
        result.IsTransient.ShouldBeTrue();
        result.Log.Error!.ShouldContain("after 2 attempts");
    }

    [Fact]
    public async Task FetchAsync_ServerHangs_AttemptTimesOutInFakeTimeAndRetries()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        _server.Map("/hang", async ctx =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
            }

            await ctx.Response.WriteAsync("second try");
        });
        using var fetcher = TestFetchers.Create(o => o.AttemptTimeout = TimeSpan.FromSeconds(10), time);

        var result = await FakeTime.RunAsync(time, fetcher.FetchAsync(_server.Url("/hang")), TimeSpan.FromSeconds(1));

        result.Succeeded.ShouldBeTrue(result.Log.Error);
        result.Text.ShouldBe("second try");
        result.Log.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task FetchAsync_ServerAlwaysHangs_ReportsTimeout()
    {
        var time = new FakeTimeProvider();
        _server.Map("/black-hole", ctx => Task.Delay(Timeout.Infinite, ctx.RequestAborted));
        using var fetcher = TestFetchers.Create(
            o =>
            {
                o.AttemptTimeout = TimeSpan.FromSeconds(10);
                o.MaxRetries = 1;
            },
            time);

        var result = await FakeTime.RunAsync(time, fetcher.FetchAsync(_server.Url("/black-hole")), TimeSpan.FromSeconds(1));

        result.ErrorKind.ShouldBe(FetchErrorKind.Timeout);
        result.Log.Error!.ShouldContain("10 s");
        result.Log.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task FetchAsync_SlowBody_AttemptTimeoutCoversTheBodyAndRetries()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        _server.Map("/slow-body", async ctx =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.ContentLength = 10_000;
                await ctx.Response.WriteAsync("<html><body><p>first bytes");
                await ctx.Response.Body.FlushAsync();
                await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
            }

            await ctx.Response.WriteAsync("<html><body><p>whole body</p></body></html>");
        });
        using var fetcher = TestFetchers.Create(o => o.AttemptTimeout = TimeSpan.FromSeconds(10), time);

        var result = await FakeTime.RunAsync(time, fetcher.FetchAsync(_server.Url("/slow-body")), TimeSpan.FromSeconds(1));

        result.Succeeded.ShouldBeTrue(result.Log.Error);
        result.Text.ShouldContain("whole body");
        result.Log.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task FetchAsync_TruncatedBody_RetriesAndGetsTheWholeDocument()
    {
        var calls = 0;
        const string Feed = "<rss version=\"2.0\"><channel><title>T</title><item><link>http://example.org/a</link></item></channel></rss>";
        _server.Map("/truncated.xml", async ctx =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.ContentLength = Feed.Length;
                await ctx.Response.WriteAsync(Feed[..40]);
                await ctx.Response.Body.FlushAsync();
                ctx.Abort();
                return;
            }

            await ctx.Response.WriteAsync(Feed);
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(_server.Url("/truncated.xml"));

        result.Succeeded.ShouldBeTrue(result.Log.Error);
        result.Text.ShouldBe(Feed);
        result.Log.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task FetchAsync_HostKeepsFailing_CircuitOpensForThatHostOnlyAndRecovers()
    {
        var time = new FakeTimeProvider();
        var healthy = false;
        _server.Map("/fragile", ctx =>
        {
            if (!Volatile.Read(ref healthy))
            {
                ctx.Response.StatusCode = 500;
                return Task.CompletedTask;
            }

            return ctx.Response.WriteAsync("back");
        });
        await using var other = await TestWebServer.StartAsync();
        other.MapText("/fine", "other host");
        using var fetcher = TestFetchers.Create(
            o =>
            {
                o.MaxRetries = 0;
                o.BreakerMinimumThroughput = 4;
                o.BreakerFailureRatio = 0.5;
                o.BreakerBreakDuration = TimeSpan.FromSeconds(60);
            },
            time);
        var url = _server.Url("/fragile");

        for (var i = 0; i < 4; i++)
        {
            (await fetcher.FetchAsync(url)).ErrorKind.ShouldBe(FetchErrorKind.HttpStatus);
        }

        var refused = await fetcher.FetchAsync(url);
        refused.ErrorKind.ShouldBe(FetchErrorKind.CircuitOpen);
        refused.Log.Error!.ShouldContain("circuit");
        fetcher.GetCircuitState(url).ShouldBe(HostCircuitState.Open);
        _server.Hits("/fragile").ShouldBe(4, "an open circuit sends nothing");
        (await fetcher.FetchAsync(other.Url("/fine"))).Succeeded.ShouldBeTrue("the breaker is per host");

        Volatile.Write(ref healthy, true);
        time.Advance(TimeSpan.FromSeconds(61));
        var recovered = await fetcher.FetchAsync(url);

        recovered.Succeeded.ShouldBeTrue(recovered.Log.Error);
        fetcher.GetCircuitState(url).ShouldBe(HostCircuitState.Closed);
    }
}
