using System.ComponentModel.DataAnnotations;
using StanceBoard.Ingestion.Feeds;

namespace StanceBoard.Ingestion.Pipeline;

/// <summary>Limits of <see cref="WebIngestionPipeline"/>, bound from the <c>Ingestion</c> configuration section.</summary>
public sealed class IngestionOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Ingestion";

    /// <summary>Most items handled per poll of one source (newest first for sitemaps).</summary>
    /// <value>Defaults to 200.</value>
    [Range(1, 100_000)]
    public int MaxItemsPerPoll { get; set; } = 200;

    /// <summary>Article pages fetched at once per poll (the per-host limits apply on top).</summary>
    /// <value>Defaults to 8.</value>
    [Range(1, 256)]
    public int MaxParallelItems { get; set; } = 8;

    /// <summary>Child sitemaps read from a sitemap index.</summary>
    /// <value>Defaults to 10.</value>
    [Range(1, 1000)]
    public int MaxChildSitemaps { get; set; } = 10;

    /// <summary>Fewest characters of body text for a page to count as an article.</summary>
    /// <value>Defaults to 200.</value>
    [Range(0, 100_000)]
    public int MinTextChars { get; set; } = 200;

    /// <summary>Feed and sitemap parsing limits.</summary>
    public FeedParseOptions Feeds { get; set; } = new();
}
