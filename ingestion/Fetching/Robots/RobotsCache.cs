using System.Collections.Concurrent;
using System.Net;

namespace StanceBoard.Ingestion.Fetching.Robots;

/// <summary>
/// Fetches and caches robots.txt per origin. A 4xx means no restrictions; a 5xx or an
/// unreachable robots.txt means "disallow all" for a short while (RFC 9309 §2.3.1.4).
/// </summary>
internal sealed class RobotsCache(
    Func<Uri, CancellationToken, Task<(HttpStatusCode? Status, string Text)>> fetch,
    string productToken,
    TimeSpan duration,
    TimeProvider time)
{
    private static readonly TimeSpan s_errorDuration = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Lazy<Task<Loaded>>> _entries = new(StringComparer.Ordinal);

    public async Task<RobotsRules> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        var origin = $"{url.Scheme}://{url.Authority}".ToLowerInvariant();
        while (true)
        {
            var entry = _entries.GetOrAdd(origin, o => new Lazy<Task<Loaded>>(() => LoadAsync(new Uri(o + "/robots.txt"))));
            var loaded = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (loaded.Expires > time.GetUtcNow())
            {
                return loaded.Rules;
            }

            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<Loaded>>>(origin, entry));
        }
    }

    private async Task<Loaded> LoadAsync(Uri robotsUrl)
    {
        try
        {
            var (status, text) = await fetch(robotsUrl, CancellationToken.None).ConfigureAwait(false);
            var now = time.GetUtcNow();
            return status switch
            {
                { } s when (int)s is >= 200 and < 300 => new Loaded(RobotsRules.Parse(text, productToken), now + duration),
                { } s when (int)s is >= 400 and < 500 => new Loaded(RobotsRules.AllowAll, now + duration),
                _ => new Loaded(RobotsRules.DisallowAll, now + s_errorDuration),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or FetchException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return new Loaded(RobotsRules.DisallowAll, time.GetUtcNow() + s_errorDuration);
        }
    }

    private sealed record Loaded(RobotsRules Rules, DateTimeOffset Expires);
}
