using StanceBoard.Ingestion;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Storage;

/// <summary>
/// Web ingestion's part of the store: sources with their health and schedule, the fetch log,
/// cache validators of polled URLs, and the lookups that keep web pieces from being stored twice.
/// </summary>
public interface ISourceStore
{
    Task<IReadOnlyList<StoredSource>> ListSourcesAsync(CancellationToken cancellationToken = default);

    Task<StoredSource?> GetSourceAsync(long id, CancellationToken cancellationToken = default);

    Task<StoredSource?> FindSourceByUrlAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>Adds a source; returns <see langword="null"/> when one with the same URL exists.</summary>
    Task<StoredSource?> AddSourceAsync(NewSource source, CancellationToken cancellationToken = default);

    /// <summary>Applies a patch; returns <see langword="null"/> when there is no such source.</summary>
    Task<StoredSource?> UpdateSourceAsync(long id, SourcePatch patch, CancellationToken cancellationToken = default);

    /// <summary>Deletes a source and its fetch log (its pieces stay); false when there is no such source.</summary>
    Task<bool> DeleteSourceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Enabled sources whose next poll is due (or never scheduled), earliest first.</summary>
    Task<IReadOnlyList<StoredSource>> ListDueSourcesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Sets when a source is next polled.</summary>
    Task ScheduleAsync(long id, DateTimeOffset nextPoll, CancellationToken cancellationToken = default);

    /// <summary>Records the outcome of a poll: health and next poll time.</summary>
    Task RecordPollAsync(long id, SourceHealth health, DateTimeOffset nextPoll, CancellationToken cancellationToken = default);

    Task AddFetchLogAsync(FetchLogEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The latest fetch-log lines of a source, newest first.</summary>
    Task<IReadOnlyList<FetchLogRecord>> ListFetchLogAsync(long sourceId, int limit, CancellationToken cancellationToken = default);

    Task<HttpValidators?> GetValidatorsAsync(string url, CancellationToken cancellationToken = default);

    Task SetValidatorsAsync(string url, HttpValidators? validators, CancellationToken cancellationToken = default);

    /// <summary>The id of the piece stored under this canonical URL, when any.</summary>
    Task<long?> FindPieceIdByUrlAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>A stored piece with this content hash, or a SimHash within the near-duplicate distance.</summary>
    Task<(long PieceId, bool Exact)?> FindContentAsync(string contentHash, ulong simHash, CancellationToken cancellationToken = default);

    /// <summary>Records the source and SimHash of a stored web piece (for near-duplicate lookups).</summary>
    Task SetPieceFingerprintAsync(long pieceId, long? sourceId, ulong simHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a syndicated copy linked to its original, without scores (it is not scored twice);
    /// returns its id, or the existing id when its URL or text is already stored.
    /// </summary>
    Task<long> AddLinkedCopyAsync(Piece piece, long duplicateOf, long? sourceId, ulong simHash, CancellationToken cancellationToken = default);
}
