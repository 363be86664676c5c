using System.Collections.Concurrent;
using StanceBoard.Ingestion.Dedupe;
using StanceBoard.Ingestion.Fetching;

namespace StanceBoard.Ingestion.Pipeline;

/// <summary>
/// An <see cref="IIngestionState"/> kept in memory, for tests, benchmarks and one-off runs. Call
/// <see cref="Remember"/> for each item stored, as a database-backed state would by storing the piece.
/// </summary>
public sealed class InMemoryIngestionState : IIngestionState
{
    private readonly ConcurrentDictionary<string, byte> _urls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HttpValidators> _validators = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FetchLogEntry> _log = new();
    private readonly NearDuplicateIndex<string> _near = new();

    /// <summary>The fetch log so far, oldest first.</summary>
    public IReadOnlyCollection<FetchLogEntry> FetchLog => _log;

    /// <summary>Records a stored item: its URL, content hash and SimHash become known. Failed items are ignored.</summary>
    public void Remember(IngestionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Status == IngestionItemStatus.Failed)
        {
            return;
        }

        if (item.CanonicalUrl is { } url)
        {
            _urls.TryAdd(url, 0);
        }

        if (item.Piece is { } piece && item.Status == IngestionItemStatus.New)
        {
            var key = item.CanonicalUrl ?? item.Url;
            _hashes.TryAdd(piece.ContentHash, key);
            _near.Add(item.SimHash, key);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> IsKnownUrlAsync(string canonicalUrl, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_urls.ContainsKey(canonicalUrl));

    /// <inheritdoc />
    public ValueTask<KnownContent?> FindContentAsync(string contentHash, ulong simHash, CancellationToken cancellationToken)
    {
        if (_hashes.TryGetValue(contentHash, out var exact))
        {
            return ValueTask.FromResult<KnownContent?>(new KnownContent(exact, true));
        }

        return ValueTask.FromResult(_near.TryFind(simHash, out var near) ? new KnownContent(near, false) : null);
    }

    /// <inheritdoc />
    public ValueTask<HttpValidators?> GetValidatorsAsync(string url, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_validators.TryGetValue(url, out var v) ? v : null);

    /// <inheritdoc />
    public ValueTask SetValidatorsAsync(string url, HttpValidators? validators, CancellationToken cancellationToken)
    {
        if (validators is null)
        {
            _validators.TryRemove(url, out _);
        }
        else
        {
            _validators[url] = validators;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RecordFetchAsync(FetchLogEntry entry, CancellationToken cancellationToken)
    {
        _log.Enqueue(entry);
        return ValueTask.CompletedTask;
    }
}
