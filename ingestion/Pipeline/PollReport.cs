using StanceBoard.Ingestion.Detection;
using StanceBoard.Ingestion.Fetching;

namespace StanceBoard.Ingestion.Pipeline;

/// <summary>The outcome of polling one source.</summary>
public sealed record PollReport
{
    /// <summary>The source polled.</summary>
    public required string SourceId { get; init; }

    /// <summary>The fetch of the source URL itself.</summary>
    public required FetchLogEntry Fetch { get; init; }

    /// <summary>What the source turned out to be (unknown when the fetch failed or was a 304).</summary>
    public DocumentKind Kind { get; init; }

    /// <summary>Whether the source's content was fetched and read (a 304 counts as success).</summary>
    public bool Succeeded { get; init; }

    /// <summary>The failure kind, when it did not succeed or the document was only partly read.</summary>
    public FetchErrorKind ErrorKind { get; init; }

    /// <summary>Why it did not succeed, or what was wrong with the document.</summary>
    public string? Error { get; init; }

    /// <summary>Items the feed or sitemap lists, counted past the cap.</summary>
    public int ListedItems { get; init; }

    /// <summary>Whether items were dropped by the per-poll cap.</summary>
    public bool Truncated { get; init; }

    /// <summary>Item counts by outcome.</summary>
    public IReadOnlyDictionary<IngestionItemStatus, int> Counts { get; init; } = new Dictionary<IngestionItemStatus, int>();

    /// <summary>Whether the new validators were saved (only when every item was handled, so nothing is skipped by the next 304).</summary>
    public bool ValidatorsSaved { get; init; }
}
