using System.Net;
using Polly;
using Polly.Timeout;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>What counts as a transient failure for retries and the circuit breaker, and how to describe it.</summary>
internal static class TransientFailure
{
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } r && IsTransientStatus(r.StatusCode),
        HttpRequestException h => !IsSsrf(h),
        TimeoutRejectedException => true,
        IOException => true,
        _ => false,
    };

    public static bool IsTransientStatus(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    public static bool IsSsrf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SsrfBlockedException)
            {
                return true;
            }
        }

        return false;
    }

    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null when outcome.Result is { } r => $"HTTP {(int)r.StatusCode} {r.ReasonPhrase}".TrimEnd(),
        TimeoutRejectedException t => $"no complete response within {t.Timeout.TotalSeconds:0.###} s",
        { } e => Flatten(e),
        _ => "unknown failure",
    };

    /// <summary>The Retry-After of a 429/503 response, as a delay from <paramref name="now"/>.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        if (response?.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        var delay = header.Delta ?? (header.Date is { } date ? date - now : null);
        return delay is { } d ? (d < TimeSpan.Zero ? TimeSpan.Zero : d) : null;
    }

    private static string Flatten(Exception e)
    {
        var parts = new List<string>();
        for (var x = e; x is not null && parts.Count < 3; x = x.InnerException)
        {
            if (parts.Count == 0 || !parts[^1].Contains(x.Message, StringComparison.Ordinal))
            {
                parts.Add(x.Message.TrimEnd('.'));
            }
        }

        return string.Join(": ", parts);
    }
}
