namespace StanceBoard.Ingestion.Feeds;

/// <summary>One entry of a feed or sitemap. Unknown fields stay <see langword="null"/>.</summary>
public sealed record FeedItem
{
    /// <summary>The article's URL (absolute), when the entry has one.</summary>
    public string? Url { get; init; }

    /// <summary>The entry's id or guid.</summary>
    public string? Id { get; init; }

    /// <summary>The headline, markup stripped.</summary>
    public string? Title { get; init; }

    /// <summary>Author names, markup stripped.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>When the entry says it was published.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When the entry says it was last updated (sitemap <c>lastmod</c>).</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The summary or description (may be HTML).</summary>
    public string? Summary { get; init; }

    /// <summary>The full content when the feed carries it (may be HTML).</summary>
    public string? Content { get; init; }

    /// <summary>The publication named by the entry (Google News <c>news:name</c>) or the feed title.</summary>
    public string? Outlet { get; init; }

    /// <summary>The language the entry or feed declares.</summary>
    public string? Language { get; init; }
}
