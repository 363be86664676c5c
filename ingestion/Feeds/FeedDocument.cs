using StanceBoard.Ingestion.Detection;
using StanceBoard.Ingestion.Fetching;

namespace StanceBoard.Ingestion.Feeds;

/// <summary>A parsed feed, sitemap or sitemap index: its items (up to the cap) and what went wrong.</summary>
public sealed record FeedDocument
{
    /// <summary>What the document is.</summary>
    public required DocumentKind Kind { get; init; }

    /// <summary>The feed's title, when it has one.</summary>
    public string? Title { get; init; }

    /// <summary>The site's home page, when the feed names it.</summary>
    public string? SiteUrl { get; init; }

    /// <summary>The feed's language, when declared.</summary>
    public string? Language { get; init; }

    /// <summary>The items kept, at most <see cref="FeedParseOptions.MaxItems"/>, in document order.</summary>
    public IReadOnlyList<FeedItem> Items { get; init; } = [];

    /// <summary>The child sitemaps of a sitemap index (absolute URLs), at most <see cref="FeedParseOptions.MaxChildSitemaps"/>.</summary>
    public IReadOnlyList<string> ChildSitemaps { get; init; } = [];

    /// <summary>How many items (or child sitemaps) the document has, counted past the cap.</summary>
    public int TotalItems { get; init; }

    /// <summary>Whether items were dropped because of the cap.</summary>
    public bool Truncated => TotalItems > Items.Count + ChildSitemaps.Count;

    /// <summary>Why the document could not be read whole (<see cref="FetchErrorKind.Malformed"/>, <see cref="FetchErrorKind.DtdProhibited"/>…); items before the fault are kept.</summary>
    public FetchErrorKind ErrorKind { get; init; }

    /// <summary>A sentence naming the fault and where it is, or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Entries skipped (no URL, bad URL), with why.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Whether the whole document was read.</summary>
    public bool IsComplete => ErrorKind == FetchErrorKind.None;
}
