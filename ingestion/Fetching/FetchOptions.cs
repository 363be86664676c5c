using System.ComponentModel.DataAnnotations;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>
/// How <see cref="WebFetcher"/> fetches: limits, timeouts, retries, circuit breaking, politeness
/// and the SSRF guard. Bound from the <c>Ingestion:Fetch</c> configuration section; the SSRF
/// switch is also read from <c>Ingestion:AllowPrivateNetworks</c>.
/// </summary>
public sealed class FetchOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Ingestion:Fetch";

    /// <summary>The User-Agent header; also the product token matched against robots.txt groups.</summary>
    /// <value>Defaults to <c>StanceBoard/1.0 (stance dashboard; operator contact not configured)</c>.</value>
    [Required]
    public string UserAgent { get; set; } = "StanceBoard/1.0 (stance dashboard; operator contact not configured)";

    /// <summary>Largest body accepted on the wire, before decompression.</summary>
    /// <value>Defaults to 8 MiB.</value>
    [Range(1024, long.MaxValue)]
    public long MaxResponseBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Largest body accepted after gzip, deflate or brotli decompression.</summary>
    /// <value>Defaults to 16 MiB.</value>
    [Range(1024, long.MaxValue)]
    public long MaxDecompressedBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Most redirects followed for one fetch; each hop is re-checked (scheme, SSRF, robots).</summary>
    /// <value>Defaults to 5.</value>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Timeout of one attempt, body included.</summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Timeout of one hop with all its retries.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt for transient failures (network, timeout, 408, 429, 5xx).</summary>
    /// <value>Defaults to 3.</value>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between retries, and the longest Retry-After honoured; a longer Retry-After ends the fetch.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed attempts to one host, within <see cref="BreakerSamplingDuration"/>, that opens its circuit.</summary>
    /// <value>Defaults to 0.5.</value>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>
    /// Attempts to one host within the sampling window before the breaker may open. At the polite
    /// rate of 1 request/s a smaller sample opens the circuit of a host that fails one request in
    /// five by chance (4 of the first 8), which parks its remaining items until the next poll.
    /// </summary>
    /// <value>Defaults to 20.</value>
    [Range(2, int.MaxValue)]
    public int BreakerMinimumThroughput { get; set; } = 20;

    /// <summary>The breaker's sampling window.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit refuses requests before one trial request is let through.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most requests in flight to one host at once; always enforced.</summary>
    /// <value>Defaults to 2.</value>
    [Range(1, 64)]
    public int PerHostConcurrency { get; set; } = 2;

    /// <summary>Obey robots.txt and the per-host request rate. Turning it off is for local benchmarks only.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Politeness { get; set; } = true;

    /// <summary>Requests per second to one host when <see cref="Politeness"/> is on.</summary>
    /// <value>Defaults to 1.</value>
    [Range(0.01, 1000)]
    public double PerHostRequestsPerSecond { get; set; } = 1.0;

    /// <summary>Requests to one host that may go at once before the rate applies.</summary>
    /// <value>Defaults to 2.</value>
    [Range(1, 1000)]
    public int PerHostBurst { get; set; } = 2;

    /// <summary>
    /// The longest robots.txt Crawl-delay honoured (when <see cref="Politeness"/> is on); a longer
    /// one is applied as this, so one site cannot stall its source for hours.
    /// </summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan MaxCrawlDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a host's robots.txt is cached.</summary>
    /// <value>Defaults to 6 hours.</value>
    public TimeSpan RobotsCacheDuration { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Allow loopback, link-local, private, CGNAT and other non-public addresses (tests and intranets).</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Non-public networks allowed even when <see cref="AllowPrivateNetworks"/> is off, in CIDR notation (<c>10.1.0.0/16</c>).</summary>
    /// <value>Defaults to none.</value>
    public IList<string> AllowedNetworks { get; } = [];
}
