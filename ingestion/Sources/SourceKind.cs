namespace StanceBoard.Ingestion.Sources;

/// <summary>What a source is declared to be. <see cref="Auto"/> detects it from the first response.</summary>
public enum SourceKind
{
    /// <summary>Detected from the response body: feed, sitemap or article.</summary>
    Auto = 0,

    /// <summary>An RSS 2.0 feed.</summary>
    Rss,

    /// <summary>An Atom 1.0 feed.</summary>
    Atom,

    /// <summary>A JSON Feed.</summary>
    JsonFeed,

    /// <summary>A sitemap (Google News sitemaps included).</summary>
    Sitemap,

    /// <summary>A sitemap index listing sitemaps.</summary>
    SitemapIndex,

    /// <summary>A single article page.</summary>
    Article,
}
