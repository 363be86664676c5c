using StanceBoard.Ingestion.Feeds;
using StanceBoard.Ingestion.Fetching;

namespace StanceBoard.Ingestion.Pipeline;

/// <summary>The outcome for one article: a piece to store, a known or duplicate one, or a failure.</summary>
public sealed record IngestionItem
{
    /// <summary>The source it came from (a source id, or the URL given to ingest).</summary>
    public required string SourceId { get; init; }

    /// <summary>The article URL as listed by the feed (or given).</summary>
    public required string Url { get; init; }

    /// <summary>What happened.</summary>
    public required IngestionItemStatus Status { get; init; }

    /// <summary>The canonical URL (from the page, else normalised from <see cref="Url"/>).</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>The piece, for <see cref="IngestionItemStatus.New"/>, <see cref="IngestionItemStatus.Duplicate"/> and <see cref="IngestionItemStatus.NearDuplicate"/>.</summary>
    public Piece? Piece { get; init; }

    /// <summary>The SimHash of the piece's text (0 without a piece).</summary>
    public ulong SimHash { get; init; }

    /// <summary>The stored piece this one duplicates, for duplicates.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>The feed entry the item came from, when it came from a feed or sitemap.</summary>
    public FeedItem? FeedItem { get; init; }

    /// <summary>The page fetch, when the page was fetched.</summary>
    public FetchLogEntry? Fetch { get; init; }

    /// <summary>The failure kind, for <see cref="IngestionItemStatus.Failed"/>.</summary>
    public FetchErrorKind ErrorKind { get; init; }

    /// <summary>The failure message, for <see cref="IngestionItemStatus.Failed"/>.</summary>
    public string? Error { get; init; }

    /// <summary>The unexpected exception behind an <see cref="FetchErrorKind.Unreadable"/> item, for the operator's log (never shown to viewers).</summary>
    public Exception? Fault { get; init; }

    /// <summary>Whether a later poll may succeed where this one failed.</summary>
    public bool IsRetryable { get; init; }
}
