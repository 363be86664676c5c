using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StanceBoard.Ingestion.Tests.TestSupport;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a random port. Routes are set per test; every request
/// is counted per path, and the most requests in flight at once is tracked.
/// </summary>
internal sealed class TestWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, IHeaderDictionary Headers)> _requests = new();
    private int _inFlight;
    private int _maxInFlight;

    private TestWebServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public IEnumerable<(string Path, IHeaderDictionary Headers)> Requests => _requests;

    public static async Task<TestWebServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MinResponseDataRate = null;
        });
        var app = builder.Build();
        var server = new TestWebServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.First();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public void Map(string path, RequestDelegate handler) => _routes[path] = handler;

    public void MapText(string path, string body, string contentType = "text/html; charset=utf-8") =>
        Map(path, ctx =>
        {
            ctx.Response.ContentType = contentType;
            return ctx.Response.WriteAsync(body);
        });

    public int Hits(string path) => _hits.TryGetValue(path, out var n) ? n : 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Marks the request finished before its last bytes go out, so client-side limits can be checked exactly.</summary>
    public void EndInFlight(HttpContext context)
    {
        if (context.Items.Remove("inflight"))
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        _requests.Enqueue((path, new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase))));
        var now = Interlocked.Increment(ref _inFlight);
        context.Items["inflight"] = true;
        var seen = Volatile.Read(ref _maxInFlight);
        while (now > seen && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
            seen = Volatile.Read(ref _maxInFlight);
        }

        try
        {
            if (_routes.TryGetValue(path, out var handler))
            {
                await handler(context);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        }
        finally
        {
            EndInFlight(context);
        }
    }
}
