using StanceBoard.Ingestion.Fetching;

namespace StanceBoard.Ingestion.Pipeline;

/// <summary>
/// What the pipeline needs to remember between polls, so it can be backed by any store: URLs
/// already ingested, content already seen (exactly or nearly), the cache validators of feeds, and
/// the fetch log. The pipeline only reads seen URLs and content; the consumer records what it stores.
/// </summary>
public interface IIngestionState
{
    /// <summary>Whether a piece with this canonical URL is already stored.</summary>
    ValueTask<bool> IsKnownUrlAsync(string canonicalUrl, CancellationToken cancellationToken);

    /// <summary>An already stored piece with the same content hash or a SimHash within <see cref="Dedupe.SimHash.NearDuplicateDistance"/> bits, when any.</summary>
    ValueTask<KnownContent?> FindContentAsync(string contentHash, ulong simHash, CancellationToken cancellationToken);

    /// <summary>The validators stored for a polled URL (feed or sitemap), when any.</summary>
    ValueTask<HttpValidators?> GetValidatorsAsync(string url, CancellationToken cancellationToken);

    /// <summary>Stores (or, with <see langword="null"/>, clears) the validators of a polled URL.</summary>
    ValueTask SetValidatorsAsync(string url, HttpValidators? validators, CancellationToken cancellationToken);

    /// <summary>Appends a fetch-log entry.</summary>
    ValueTask RecordFetchAsync(FetchLogEntry entry, CancellationToken cancellationToken);
}
