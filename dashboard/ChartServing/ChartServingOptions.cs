using System.ComponentModel.DataAnnotations;

namespace StanceBoard.Dashboard.ChartServing;

/// <summary>
/// How the chart endpoints bound their work: the render queue, the caches and the anonymous
/// rate limit. Section <c>ChartServing</c>; validated at start.
/// </summary>
public sealed class ChartServingOptions
{
    public const string Section = "ChartServing";

    /// <summary>Charts drawn at once for HTTP requests (loading, aggregating, rendering, rasterising).</summary>
    /// <value>Half the cores, at least 1: the rest stay free for writers, the hub and health checks.</value>
    [Range(1, 256)]
    public int MaxConcurrentRenders { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Requests that may wait for a render slot; beyond this a request is answered 503 with Retry-After.</summary>
    /// <value>8.</value>
    [Range(0, 10_000)]
    public int MaxQueuedRenders { get; set; } = 8;

    /// <summary>The Retry-After, in seconds, of a 503 when the render queue is full.</summary>
    /// <value>2.</value>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>Filters whose observations are kept in memory (each with its aggregations).</summary>
    /// <value>16.</value>
    [Range(1, 10_000)]
    public int CachedFilters { get; set; } = 16;

    /// <summary>Observations kept in memory over all cached filters; a larger set is used once and not kept.</summary>
    /// <value>600,000 (about 100 MB).</value>
    [Range(1_000, 100_000_000)]
    public int CachedObservations { get; set; } = 600_000;

    /// <summary>Rendered files (SVG, PNG, PDF, CSV) kept in memory, in MiB; the least recently used go first.</summary>
    /// <value>32.</value>
    [Range(0, 65_536)]
    public int RenderedCacheMegabytes { get; set; } = 32;

    /// <summary>
    /// The longest a cached chart is served without reading the store again. Changes made in this
    /// process, and pieces added by other processes, are seen at once; this bounds how long other
    /// changes made outside the process (a re-scoring run by the CLI) can go unseen.
    /// </summary>
    /// <value>1 minute.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxDataAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// After this long without a chart render, memory taken by a burst of chart work is given
    /// back (unused files dropped, the heap compacted, free native pages returned).
    /// </summary>
    /// <value>15 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TrimAfterIdle { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Chart requests an anonymous client (one IP address) may make in a burst.</summary>
    /// <value>40.</value>
    [Range(1, 1_000_000)]
    public int AnonymousBurst { get; set; } = 40;

    /// <summary>Chart requests per minute an anonymous client (one IP address) may make after its burst.</summary>
    /// <value>120 (2 a second).</value>
    [Range(1, 6_000_000)]
    public int AnonymousPerMinute { get; set; } = 120;
}
