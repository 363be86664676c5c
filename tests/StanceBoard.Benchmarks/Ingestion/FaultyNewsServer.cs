using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StanceBoard.Benchmarks.Ingestion;

/// <summary>
/// Loopback news sites for the load run: several Kestrel listeners (one per "host"), each serving
/// RSS feeds with ETags and article pages, and injecting faults into a share of requests: 500s,
/// 429 with Retry-After, connection resets, hangs, slow bodies and truncated bodies. Tracks the
/// most requests in flight per host; a request counts as finished just before its last byte.
/// </summary>
internal sealed class FaultyNewsServer : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];
    private readonly ConcurrentDictionary<int, int> _inFlight = new();
    private readonly ConcurrentDictionary<int, int> _maxInFlight = new();
    private readonly ConcurrentDictionary<string, int> _faults = new(StringComparer.Ordinal);
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private readonly int _articlesPerFeed;

    private FaultyNewsServer(int articlesPerFeed, int seed)
    {
        _articlesPerFeed = articlesPerFeed;
        _random = new Random(seed);
    }

    public double FaultRate { get; set; }

    public TimeSpan HangFor { get; set; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<Uri> Hosts { get; private set; } = [];

    public IReadOnlyDictionary<string, int> Faults => _faults;

    public IReadOnlyDictionary<int, int> MaxInFlightPerPort => _maxInFlight;

    public static async Task<FaultyNewsServer> StartAsync(int hosts, int articlesPerFeed, int seed)
    {
        var server = new FaultyNewsServer(articlesPerFeed, seed);
        var urls = new List<Uri>();
        for (var i = 0; i < hosts; i++)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k =>
            {
                k.Listen(IPAddress.Loopback, 0);
                k.Limits.MinResponseDataRate = null;
            });
            var app = builder.Build();
            app.Run(server.HandleAsync);
            await app.StartAsync();
            server._apps.Add(app);
            urls.Add(new Uri(app.Urls.First().TrimEnd('/') + "/"));
        }

        server.Hosts = urls;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var port = context.Connection.LocalPort;
        var now = _inFlight.AddOrUpdate(port, 1, (_, n) => n + 1);
        _maxInFlight.AddOrUpdate(port, now, (_, max) => Math.Max(max, now));
        var open = true;
        void End()
        {
            if (open)
            {
                open = false;
                _inFlight.AddOrUpdate(port, 0, (_, n) => n - 1);
            }
        }

        try
        {
            var path = context.Request.Path.Value ?? "/";
            if (path == "/robots.txt")
            {
                context.Response.StatusCode = 404;
                return;
            }

            var (body, contentType, etag) = Resolve(context, path);
            if (body is null)
            {
                context.Response.StatusCode = 404;
                return;
            }

            var fault = Fault();
            if (fault is null && etag is not null && context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = 304;
                return;
            }

            if (fault is not null)
            {
                _faults.AddOrUpdate(fault, 1, (_, n) => n + 1);
                await InjectAsync(context, fault, body, End);
                return;
            }

            context.Response.ContentType = contentType;
            if (etag is not null)
            {
                context.Response.Headers.ETag = etag;
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length - 1), context.RequestAborted);
            End();
            await context.Response.Body.WriteAsync(bytes.AsMemory(bytes.Length - 1), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            End();
        }
    }

    private async Task InjectAsync(HttpContext context, string fault, string body, Action end)
    {
        switch (fault)
        {
            case "500":
                context.Response.StatusCode = 500;
                break;
            case "429":
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                break;
            case "reset":
                end();
                context.Abort();
                break;
            case "hang":
                end();
                await Task.Delay(HangFor, context.RequestAborted);
                break;
            case "slow":
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                end();
                await Task.Delay(HangFor, context.RequestAborted);
                break;
            default:
                var all = Encoding.UTF8.GetBytes(body);
                context.Response.ContentLength = all.Length;
                await context.Response.Body.WriteAsync(all.AsMemory(0, all.Length / 3), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                end();
                context.Abort();
                break;
        }
    }

    private (string? Body, string ContentType, string? ETag) Resolve(HttpContext context, string path)
    {
        var host = Hosts.Select((u, i) => (u, i)).First(x => x.u.Port == context.Connection.LocalPort).i;
        var parts = path.Trim('/').Split('/');
        if (parts is ["feeds", var f] && int.TryParse(f.Replace(".xml", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture, out var feed))
        {
            return (Feed(host, feed), "application/rss+xml; charset=utf-8", $"\"h{host}f{feed}\"");
        }

        if (parts is ["articles", var f2, var a] && int.TryParse(f2, CultureInfo.InvariantCulture, out var feedId) && int.TryParse(a, CultureInfo.InvariantCulture, out var article))
        {
            return (Article(host, feedId, article), "text/html; charset=utf-8", null);
        }

        return (null, string.Empty, null);
    }

    private string Feed(int host, int feed)
    {
        var sb = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Host {host} feed {feed}</title>");
        for (var a = 0; a < _articlesPerFeed; a++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<item><title>H{host} F{feed} A{a}</title><link>{Hosts[host]}articles/{feed}/{a}?utm_source=rss</link><pubDate>Tue, 10 Nov 2020 08:00:00 GMT</pubDate></item>");
        }

        return sb.Append("</channel></rss>").ToString();
    }

    private static string Article(int host, int feed, int article)
    {
        var sb = new StringBuilder();
        var seed = (host * 100_003) + (feed * 1_009) + article;
        var words = new[] { "Moscow", "Ankara", "Baku", "Yerevan", "ceasefire", "corridor", "peacekeepers", "pipeline", "drones", "border", "talks", "statement", "elections", "reconstruction", "mandate", "alliance" };
        var random = new Random(seed);
        for (var p = 0; p < 6; p++)
        {
            sb.Append("<p>");
            for (var w = 0; w < 60; w++)
            {
                sb.Append(words[random.Next(words.Length)]).Append(w % 12 == 11 ? ". " : " ");
            }

            sb.Append(CultureInfo.InvariantCulture, $"Article {seed} paragraph {p}.</p>");
        }

        return $"""
            <!DOCTYPE html><html lang="en"><head><title>Article {seed} | Host {host}</title><meta name="author" content="Writer Number{host}">
            <meta property="article:published_time" content="2020-11-10T08:00:00Z"><meta property="og:site_name" content="Host {host} News"></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Article {seed}</h1>{sb}</article><footer>Host {host}</footer></body></html>
            """;
    }

    private string? Fault()
    {
        lock (_randomLock)
        {
            if (_random.NextDouble() >= FaultRate)
            {
                return null;
            }

            return _random.Next(6) switch
            {
                0 => "500",
                1 => "429",
                2 => "reset",
                3 => "hang",
                4 => "slow",
                _ => "truncated",
            };
        }
    }
}
