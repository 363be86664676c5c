using System.Globalization;
using System.Runtime.CompilerServices;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion.Pipeline;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Sources;

/// <summary>
/// Web ingestion wired to the piece pipeline: new web pieces are scored, stored and pushed as
/// <c>pieceScored</c> like any other; syndicated copies are stored linked to their original
/// without scores; known URLs and identical texts are reported, not stored again.
/// </summary>
public sealed class WebIngestion(
    WebIngestionPipeline pipeline,
    PieceProcessor processor,
    ISourceStore sources,
    IStanceStore store,
    ILogger<WebIngestion> logger)
{
    /// <summary>Polls one stored source; <paramref name="onResult"/> sees each item after it is stored.</summary>
    public Task<PollReport> PollAsync(StoredSource source, Func<WebIngestResult, ValueTask>? onResult = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return pipeline.PollAsync(
            source.ToWebSource(),
            async (item, ct) =>
            {
                var result = await HandleAsync(item, source.Id, ct);
                if (onResult is not null)
                {
                    await onResult(result);
                }
            },
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Ingests article, feed or sitemap URLs (each detected from its response), one result per item.
    /// URLs on different hosts are ingested concurrently (up to <paramref name="maxConcurrentHosts"/>;
    /// per-host politeness bounds each host's rate), so results of different URLs interleave; the URLs
    /// of one host are read one after another, in the order given.
    /// </summary>
    public async IAsyncEnumerable<WebIngestResult> IngestUrlsAsync(IEnumerable<Uri> urls, int maxConcurrentHosts = 32, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var byHost = urls.GroupBy(u => u.Authority, StringComparer.OrdinalIgnoreCase).Select(g => g.ToList()).ToList();
        if (byHost.Count <= 1)
        {
            await foreach (var item in pipeline.IngestAsync(byHost.SelectMany(h => h), cancellationToken))
            {
                yield return await HandleAsync(item, null, cancellationToken);
            }

            yield break;
        }

        var results = System.Threading.Channels.Channel.CreateBounded<WebIngestResult>(64);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await Parallel.ForEachAsync(byHost, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrentHosts), CancellationToken = cancellationToken }, async (hostUrls, ct) =>
                    {
                        await foreach (var item in pipeline.IngestAsync(hostUrls, ct))
                        {
                            await results.Writer.WriteAsync(await HandleAsync(item, null, ct), ct);
                        }
                    });
                    results.Writer.Complete();
                }
                catch (Exception ex)
                {
                    results.Writer.Complete(ex);
                }
            },
            CancellationToken.None);
        await foreach (var result in results.Reader.ReadAllAsync(cancellationToken))
        {
            yield return result;
        }

        await producer;
    }

    private async Task<WebIngestResult> HandleAsync(IngestionItem item, long? sourceId, CancellationToken cancellationToken)
    {
        switch (item.Status)
        {
            case IngestionItemStatus.New when item.Piece is { } piece:
                var processed = await processor.ProcessAsync(piece, cancellationToken: cancellationToken);
                if (processed.IsNew)
                {
                    await sources.SetPieceFingerprintAsync(processed.Piece.Id, sourceId, item.SimHash, cancellationToken);
                }

                return new WebIngestResult(item, processed);
            case IngestionItemStatus.NearDuplicate when item.Piece is { } copy && long.TryParse(item.DuplicateOf, NumberStyles.None, CultureInfo.InvariantCulture, out var original):
                Telemetry.StanceBoardTelemetry.PiecesDeduplicated.Add(1, new KeyValuePair<string, object?>("kind", "near"));
                var copyId = await sources.AddLinkedCopyAsync(copy, original, sourceId, item.SimHash, cancellationToken);
                logger.LogInformation("Stored {Url} as piece {PieceId}, a syndicated copy of piece {Original} (not scored again)", item.Url, copyId, original);
                return new WebIngestResult(item, await LoadAsync(copyId, isNew: true, cancellationToken));
            case IngestionItemStatus.Duplicate when long.TryParse(item.DuplicateOf, NumberStyles.None, CultureInfo.InvariantCulture, out var existing):
                Telemetry.StanceBoardTelemetry.PiecesDeduplicated.Add(1, new KeyValuePair<string, object?>("kind", "exact"));
                return new WebIngestResult(item, await LoadAsync(existing, isNew: false, cancellationToken));
            case IngestionItemStatus.KnownUrl when item.CanonicalUrl is { } url && await sources.FindPieceIdByUrlAsync(url, cancellationToken) is { } known:
                Telemetry.StanceBoardTelemetry.PiecesDeduplicated.Add(1, new KeyValuePair<string, object?>("kind", "url"));
                return new WebIngestResult(item, await LoadAsync(known, isNew: false, cancellationToken));
            case IngestionItemStatus.Failed when sourceId is null:
                // A URL given directly (ingest verb): the caller reports the failure to the user.
                logger.Log(item.Fault is null ? LogLevel.Debug : LogLevel.Warning, item.Fault, "Could not ingest {Url}: {ErrorKind}: {Error}", item.Url, item.ErrorKind, item.Error);
                return new WebIngestResult(item, null);
            case IngestionItemStatus.Failed:
                logger.LogWarning(item.Fault, "Could not ingest {Url} from source {SourceId}: {ErrorKind}: {Error}", item.Url, sourceId, item.ErrorKind, item.Error);
                return new WebIngestResult(item, null);
            default:
                return new WebIngestResult(item, null);
        }
    }

    private async Task<ProcessResult?> LoadAsync(long id, bool isNew, CancellationToken cancellationToken) =>
        await store.GetPieceAsync(id, cancellationToken) is { } piece ? new ProcessResult(PieceDto.From(piece), isNew) : null;
}
