namespace StanceBoard.Ingestion.Detection;

/// <summary>What a fetched document is, judged from its body (and media type only as a hint).</summary>
public enum DocumentKind
{
    /// <summary>Not recognised.</summary>
    Unknown = 0,

    /// <summary>An HTML page, taken as an article.</summary>
    Html,

    /// <summary>An RSS 2.0 (or RSS 0.9x / RDF 1.0) feed.</summary>
    Rss,

    /// <summary>An Atom 1.0 feed.</summary>
    Atom,

    /// <summary>A JSON Feed (1.0 or 1.1).</summary>
    JsonFeed,

    /// <summary>A sitemap (<c>urlset</c>), Google News sitemaps included.</summary>
    Sitemap,

    /// <summary>A sitemap index listing other sitemaps.</summary>
    SitemapIndex,
}
