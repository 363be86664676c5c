namespace StanceBoard.Ingestion.Feeds;

/// <summary>Limits for <see cref="FeedParser"/>.</summary>
public sealed class FeedParseOptions
{
    /// <summary>Most items kept from one feed or sitemap; the rest are counted, not kept.</summary>
    /// <value>Defaults to 1,000.</value>
    public int MaxItems { get; set; } = 1000;

    /// <summary>Most child sitemaps kept from a sitemap index.</summary>
    /// <value>Defaults to 50.</value>
    public int MaxChildSitemaps { get; set; } = 50;

    /// <summary>Largest document read, in characters.</summary>
    /// <value>Defaults to 20 million.</value>
    public long MaxCharacters { get; set; } = 20_000_000;

    /// <summary>Longest text kept from one field (a summary or content); longer values are cut.</summary>
    /// <value>Defaults to 1 million characters.</value>
    public int MaxFieldCharacters { get; set; } = 1_000_000;
}
