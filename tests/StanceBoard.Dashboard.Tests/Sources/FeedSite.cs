using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StanceBoard.Dashboard.Tests.Sources;

/// <summary>A loopback news site (real Kestrel on 127.0.0.1): an RSS feed with an ETag and its article pages.</summary>
internal sealed class FeedSite : IAsyncDisposable
{
    private static readonly string[] s_paragraphs =
    [
        "Moscow presented the deployment of its peacekeepers as proof that only the Kremlin could end the fighting, and Russian diplomats repeated it daily.",
        "Ankara insisted that Turkish officers join the monitoring centre, and Erdoğan called the outcome a victory shared by two states of one nation.",
        "Baku argued that the return of the districts settled the question for good, while Aliyev promised reconstruction within a decade.",
        "Observers in Yerevan asked why the alliance with Russia had not helped, and whether the ceasefire would hold through the winter.",
    ];

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);

    private FeedSite(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public List<int> Articles { get; } = [];

    /// <summary>Bylines by article id, in the feed (<c>dc:creator</c>) and the page; "Anna Petrosyan" when absent.</summary>
    public Dictionary<int, string> Bylines { get; } = [];

    public string ETag { get; set; } = "\"v1\"";

    public Uri FeedUrl => new(BaseUrl, "feed.xml");

    public static async Task<FeedSite> StartAsync(params int[] articles)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new FeedSite(app);
        site.Articles.AddRange(articles);
        app.Run(site.HandleAsync);
        await app.StartAsync();
        site.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return site;
    }

    public Uri ArticleUrl(int id) => new(BaseUrl, $"articles/{id}");

    public int Hits(string path) => _hits.TryGetValue(path, out var n) ? n : 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (path == "/feed.xml")
        {
            if (context.Request.Headers.IfNoneMatch == ETag)
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            context.Response.Headers.ETag = ETag;
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            var items = string.Concat(Articles.Select(i => $"<item><title>Feed title {i}</title><link>{ArticleUrl(i)}?utm_source=rss</link><pubDate>Tue, 10 Nov 2020 08:00:00 GMT</pubDate>{Creator(i)}</item>"));
            return context.Response.WriteAsync($"<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Loopback Review</title>{items}</channel></rss>");
        }

        if (path.StartsWith("/articles/", StringComparison.Ordinal) && int.TryParse(path["/articles/".Length..], out var id))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(Article(id, Bylines.GetValueOrDefault(id, "Anna Petrosyan")));
        }

        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    private string Creator(int id) => Bylines.TryGetValue(id, out var byline) ? $"<dc:creator>{WebUtility.HtmlEncode(byline)}</dc:creator>" : string.Empty;

    public static string Article(int id, string byline = "Anna Petrosyan") => $"""
        <!DOCTYPE html><html lang="en"><head><title>Loopback article {id} | Loopback Review</title>
        <meta property="og:site_name" content="Loopback Review"><meta name="author" content="{WebUtility.HtmlEncode(byline)}">
        <meta property="article:published_time" content="2020-11-1{id % 10}T09:00:00+00:00"></head>
        <body><nav><a href="/">Home</a></nav><article><h1>Loopback article {id}</h1>
        {string.Concat(s_paragraphs.Select((p, i) => $"<p>{p} (Article {id}, paragraph {i}.)</p>"))}
        </article><footer>Loopback Review</footer></body></html>
        """;
}
