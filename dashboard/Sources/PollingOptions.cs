using System.ComponentModel.DataAnnotations;

namespace StanceBoard.Dashboard.Sources;

/// <summary>The background polling of web sources. Section <c>Ingestion:Polling</c>.</summary>
public sealed class PollingOptions
{
    public const string Section = "Ingestion:Polling";

    /// <summary>Whether the web app polls due sources.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the store is checked for due sources.</summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Sources polled at once by this process. Different hosts are fetched concurrently; the
    /// per-host politeness (<c>Ingestion:Fetch</c>) is what bounds the request rate to each one.
    /// </summary>
    /// <value>Defaults to 32.</value>
    [Range(1, 256)]
    public int MaxConcurrentSources { get; set; } = 32;

    /// <summary>Sources of one host polled at once by this process (the rest wait their turn, leased).</summary>
    /// <value>Defaults to 2.</value>
    [Range(1, 64)]
    public int MaxSourcesPerHost { get; set; } = 2;

    /// <summary>
    /// How long a poller holds a source it leased before another may take it over (it is renewed
    /// while the poll runs, so only a poller that died or lost the store lets it run out).
    /// </summary>
    /// <value>Defaults to 2 minutes.</value>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// When items of a poll failed in a way worth retrying (timeouts, resets, an open circuit), the
    /// source is polled again this long after the poll started, instead of a whole interval later.
    /// </summary>
    /// <value>Defaults to 1 minute.</value>
    public TimeSpan RetryFailedItemsAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Add the sources listed under <c>Ingestion:Sources</c> to the store on start (each once; a deleted one stays deleted).</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool SeedDefaultSources { get; set; } = true;
}
