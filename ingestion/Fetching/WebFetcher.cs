using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StanceBoard.Ingestion.Fetching.Robots;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>
/// Fetches web documents politely and resiliently through one <see cref="HttpClient"/>: per-host
/// Polly pipelines (timeouts, retries honouring Retry-After, circuit breaker), per-host
/// concurrency and rate limits, robots.txt, conditional GET, size and decompression caps,
/// charset detection, manual capped redirects and an SSRF guard applied to the address actually
/// connected to. Never throws for remote failures: every fetch returns a <see cref="FetchResult"/>
/// whose <see cref="FetchResult.Log"/> says what happened. Thread-safe; create one and share it.
/// </summary>
public sealed class WebFetcher : IAsyncDisposable, IDisposable
{
    private const string Accept = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.5";
    private const long MaxRobotsBytes = 512 * 1024;

    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly SsrfGuard _guard;
    private readonly HostPipelines _pipelines;
    private readonly HttpClient _client;
    private readonly RobotsCache _robots;

    /// <summary>Creates a fetcher.</summary>
    /// <param name="options">Limits and behaviour; read once here.</param>
    /// <param name="timeProvider">Clock for timeouts, backoff, breaker and rate limits; the system clock by default.</param>
    /// <param name="random">Jitter source; seed it for reproducible runs.</param>
    public WebFetcher(FetchOptions options, TimeProvider? timeProvider = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _guard = new SsrfGuard(options.AllowPrivateNetworks, options.AllowedNetworks);
        _pipelines = new HostPipelines(options, _time, random ?? new Random());
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.AttemptTimeout,
            MaxConnectionsPerServer = options.PerHostConcurrency,
            MaxResponseHeadersLength = 64,
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(new ResilienceHandler(_pipelines, options) { InnerHandler = sockets })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = int.MaxValue,
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd(Accept);
        _client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, deflate, br");
        _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en;q=1.0, *;q=0.5");
        var product = options.UserAgent.Split('/', ' ')[0];
        _robots = new RobotsCache(FetchRobotsAsync, product, options.RobotsCacheDuration, _time);
    }

    /// <summary>The circuit state of the host serving <paramref name="url"/>.</summary>
    public HostCircuitState GetCircuitState(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return _pipelines.CircuitState(HostKey.For(url));
    }

    /// <summary>The most requests ever in flight at once per host (<c>host:port</c>), for monitoring and benchmarks.</summary>
    public IReadOnlyDictionary<string, int> GetMaxInFlightPerHost() => _pipelines.MaxInFlight();

    /// <summary>Fetches <paramref name="url"/>, following redirects; cancellation by the caller throws, everything else is reported.</summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <param name="validators">The validators stored from the last fetch, for a conditional GET.</param>
    /// <param name="sourceId">The source this fetch is for, copied into the log entry.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    public async Task<FetchResult> FetchAsync(Uri url, HttpValidators? validators = null, string? sourceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var activity = IngestionTelemetry.Activities.StartActivity("fetch");
        activity?.SetTag("url.full", url.AbsoluteUri);
        var started = _time.GetTimestamp();
        var log = new FetchLogEntry { Url = url.OriginalString, SourceId = sourceId, StartedAt = _time.GetUtcNow() };
        var info = new AttemptInfo();
        var current = url;
        HttpStatusCode? lastStatus = null;
        try
        {
            var visited = new HashSet<string>(StringComparer.Ordinal) { current.AbsoluteUri };
            for (var hop = 0; ; hop++)
            {
                await CheckTargetAsync(current, cancellationToken).ConfigureAwait(false);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Options.Set(AttemptInfo.Key, info);
                AddValidators(request, validators);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                lastStatus = response.StatusCode;
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    var next = new Uri(current, location);
                    if (!visited.Add(next.AbsoluteUri))
                    {
                        throw new FetchException(FetchErrorKind.RedirectLoop, $"Redirect loop: {current} redirects back to {next}, already visited.");
                    }

                    if (hop >= _options.MaxRedirects)
                    {
                        throw new FetchException(FetchErrorKind.TooManyRedirects, $"More than {_options.MaxRedirects} redirects; the last one pointed to {next}.");
                    }

                    current = next;
                    continue;
                }

                return await CompleteAsync(log, info, started, current, response, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (Classify(ex, info) is { } failure)
        {
            return Fail(log, info, started, current, lastStatus, failure.Kind, failure.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _client.Dispose();
        _pipelines.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _pipelines.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<FetchResult> CompleteAsync(FetchLogEntry log, AttemptInfo info, long started, Uri current, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        if (status == HttpStatusCode.NotModified)
        {
            return Finish(log with { ErrorKind = FetchErrorKind.NotModified }, info, started, current, status, 0, null) with { Validators = ReadValidators(response) };
        }

        var raw = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || status == HttpStatusCode.NoContent)
        {
            var message = $"HTTP {(int)status} {response.ReasonPhrase}".TrimEnd();
            if (info.RetryAfterRefused is { } wait)
            {
                message += $"; Retry-After {wait.TotalSeconds:0} s is over the {_options.MaxRetryDelay.TotalSeconds:0} s cap, so it was not retried";
            }
            else if (TransientFailure.IsTransientStatus(status) && info.Attempts > 1)
            {
                message += $" after {info.Attempts} attempts";
            }

            return Finish(log with { ErrorKind = FetchErrorKind.HttpStatus, Error = message + "." }, info, started, current, status, raw.LongLength, null);
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        var body = await ContentDecoder.DecodeAsync(raw, response.Content.Headers.ContentEncoding, _options.MaxDecompressedBytes, cancellationToken).ConfigureAwait(false);
        if (BinarySniffer.Detect(body, mediaType) is { } binary)
        {
            throw new FetchException(FetchErrorKind.Binary, $"The body is {binary}, not text (declared {mediaType ?? "no type"}).");
        }

        var (text, charset) = CharsetDecoder.Decode(body, response.Content.Headers.ContentType?.CharSet);
        return Finish(log, info, started, current, status, raw.LongLength, null) with
        {
            MediaType = mediaType,
            Charset = charset,
            Text = text,
            Validators = ReadValidators(response),
        };
    }

    private async Task CheckTargetAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new FetchException(FetchErrorKind.Unsupported, $"'{url}' is not an absolute http or https URL.");
        }

        if (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal) && !_guard.IsAllowed(literal))
        {
            throw new FetchException(FetchErrorKind.Ssrf, $"Refused to fetch {url}: {literal} is not a public address (set Ingestion:AllowPrivateNetworks to allow).");
        }

        if (_options.Politeness)
        {
            var rules = await _robots.GetAsync(url, cancellationToken).ConfigureAwait(false);
            var crawlDelay = rules.CrawlDelay is { } asked && asked > TimeSpan.Zero && _options.MaxCrawlDelay > TimeSpan.Zero ? (asked < _options.MaxCrawlDelay ? asked : _options.MaxCrawlDelay) : TimeSpan.Zero;
            if (!rules.IsAllowed(url.PathAndQuery))
            {
                throw new FetchException(FetchErrorKind.RobotsDisallowed, $"robots.txt of {url.Authority} disallows {url.PathAndQuery} for {_options.UserAgent}.");
            }

            await _pipelines.WaitCrawlDelayAsync(HostKey.For(url), crawlDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(HttpStatusCode? Status, string Text)> FetchRobotsAsync(Uri robotsUrl, CancellationToken cancellationToken)
    {
        var current = robotsUrl;
        for (var hop = 0; hop <= _options.MaxRedirects; hop++)
        {
            if (IPAddress.TryParse(current.IdnHost.Trim('[', ']'), out var literal) && !_guard.IsAllowed(literal))
            {
                return (null, string.Empty);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                current = new Uri(current, location);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                return (response.StatusCode, string.Empty);
            }

            var raw = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var body = await ContentDecoder.DecodeAsync(raw, response.Content.Headers.ContentEncoding, MaxRobotsBytes, cancellationToken).ConfigureAwait(false);
            return (response.StatusCode, CharsetDecoder.Decode(body, "utf-8").Text);
        }

        return (HttpStatusCode.NotFound, string.Empty);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = addresses.Where(_guard.IsAllowed).ToArray();
        if (allowed.Length == 0)
        {
            throw new SsrfBlockedException(host, addresses);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private (FetchErrorKind Kind, string Message)? Classify(Exception exception, AttemptInfo info)
    {
        var attempts = info.Attempts > 1 ? $" after {info.Attempts} attempts" : string.Empty;
        var last = info.LastFailure is { } f ? $" (last failure: {f})" : string.Empty;
        return exception switch
        {
            FetchException f2 => (f2.Kind, f2.Message),
            BrokenCircuitException b => (FetchErrorKind.CircuitOpen, $"The circuit for this host is open after repeated failures{(b.RetryAfter is { } r ? $"; it closes again in {r.TotalSeconds:0} s" : string.Empty)}."),
            TimeoutRejectedException t => (FetchErrorKind.Timeout, $"No complete response within {t.Timeout.TotalSeconds:0.###} s{attempts}{last}."),
            HttpRequestException h when TransientFailure.IsSsrf(h) => (FetchErrorKind.Ssrf, FindSsrf(h)),
            HttpRequestException h => (FetchErrorKind.Network, $"Network error{attempts}: {TransientFailure.Describe(Polly.Outcome.FromException<HttpResponseMessage>(h))}."),
            IOException io => (FetchErrorKind.Network, $"The connection failed while reading the body{attempts}: {io.Message}"),
            OperationCanceledException => (FetchErrorKind.Timeout, $"The fetch timed out{attempts}{last}."),
            UriFormatException u => (FetchErrorKind.Unsupported, $"A redirect Location is not a valid URL: {u.Message}"),
            _ => null,
        };
    }

    private static string FindSsrf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SsrfBlockedException s)
            {
                return s.Message;
            }
        }

        return exception.Message;
    }

    private FetchResult Fail(FetchLogEntry log, AttemptInfo info, long started, Uri current, HttpStatusCode? status, FetchErrorKind kind, string message) =>
        Finish(log with { ErrorKind = kind, Error = message }, info, started, current, status, 0, null);

    private FetchResult Finish(FetchLogEntry log, AttemptInfo info, long started, Uri current, HttpStatusCode? status, long bytes, string? text) =>
        new()
        {
            Log = log with
            {
                FinalUrl = current.AbsoluteUri,
                Status = status,
                Bytes = bytes,
                Attempts = info.Attempts,
                Elapsed = _time.GetElapsedTime(started),
            },
            FinalUrl = current,
            Text = text ?? string.Empty,
        };

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static void AddValidators(HttpRequestMessage request, HttpValidators? validators)
    {
        if (validators?.ETag is { Length: > 0 } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (validators?.LastModified is { } modified)
        {
            request.Headers.IfModifiedSince = modified;
        }
    }

    private static HttpValidators? ReadValidators(HttpResponseMessage response)
    {
        var validators = new HttpValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
        return validators.IsEmpty ? null : validators;
    }
}
