using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Pipeline;

namespace StanceBoard.Dashboard.Sources;

/// <summary>The ingestion pipeline's memory, kept in the store: seen URLs and content, validators, the fetch log.</summary>
internal sealed class StoreIngestionState(ISourceStore store) : IIngestionState
{
    public async ValueTask<bool> IsKnownUrlAsync(string canonicalUrl, CancellationToken cancellationToken) =>
        await store.FindPieceIdByUrlAsync(canonicalUrl, cancellationToken) is not null;

    public async ValueTask<KnownContent?> FindContentAsync(string contentHash, ulong simHash, CancellationToken cancellationToken) =>
        await store.FindContentAsync(contentHash, simHash, cancellationToken) is { } match
            ? new KnownContent(match.PieceId.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Exact)
            : null;

    public async ValueTask<HttpValidators?> GetValidatorsAsync(string url, CancellationToken cancellationToken) =>
        await store.GetValidatorsAsync(url, cancellationToken);

    public async ValueTask SetValidatorsAsync(string url, HttpValidators? validators, CancellationToken cancellationToken) =>
        await store.SetValidatorsAsync(url, validators, cancellationToken);

    public async ValueTask RecordFetchAsync(FetchLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Telemetry.StanceBoardTelemetry.FetchOutcomes.Add(1, new KeyValuePair<string, object?>("kind", entry.ErrorKind == FetchErrorKind.None ? "ok" : entry.ErrorKind.ToString()));
        await store.AddFetchLogAsync(entry, cancellationToken);
    }
}
