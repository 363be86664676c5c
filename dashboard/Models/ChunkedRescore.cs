using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Telemetry;

namespace StanceBoard.Dashboard.Models;

/// <summary>
/// One process's part in a re-scoring run: lease a chunk, read its pieces, score them together
/// through the model's batch path, commit scores and "done" at once (only while the lease holds),
/// report the run's progress over every process, and repeat until no chunk is open. A chunk
/// leased by another process is waited for (its holder finishes it, or its lease runs out and it
/// is taken over).
/// </summary>
internal sealed class ChunkedRescore(
    IRescoreChunks chunks,
    IStanceStore store,
    ScorerProvider scorers,
    RescoreOptions options,
    string owner,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Runs until the run is finished; returns how many pieces this process re-scored.</summary>
    public async Task<long> RunAsync(string version, Func<long, long, Task> onProgress, CancellationToken cancellationToken)
    {
        var run = await chunks.StartAsync(version, options.ChunkSize, cancellationToken);
        long mine = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = await chunks.LeaseAsync(run, owner, time.GetUtcNow(), options.LeaseDuration, cancellationToken);
            if (chunk is null)
            {
                var tally = await chunks.TallyAsync(run, cancellationToken);
                if (tally.Open == 0)
                {
                    await onProgress(tally.Done, tally.Total);
                    return mine;
                }

                await Task.Delay(options.PollInterval, time, cancellationToken);
                continue;
            }

            if (chunk.IsTakeover)
            {
                StanceBoardTelemetry.LeaseTakeovers.Add(1, new KeyValuePair<string, object?>("kind", "rescore"));
                logger.LogWarning("Took over re-scoring chunk {FirstId}-{LastId} of {Run} from {PreviousOwner}, whose lease ran out", chunk.FirstId, chunk.LastId, run.Key, chunk.PreviousOwner);
            }

            mine += await ScoreChunkAsync(run, chunk, cancellationToken);
            var progress = await chunks.TallyAsync(run, cancellationToken);
            await onProgress(progress.Done, progress.Total);
        }
    }

    private async Task<int> ScoreChunkAsync(RescoreRun run, RescoreChunk chunk, CancellationToken cancellationToken)
    {
        try
        {
            var pieces = (await store.ListPiecesAsync(new PieceQuery { AfterId = chunk.FirstId - 1, Limit = Math.Max(chunk.Pieces, 1) }, cancellationToken))
                .Where(p => p.Id <= chunk.LastId)
                .ToArray();

            // The batch path: the chunk's pieces are scored together (one ML.NET Transform per model part).
            var scores = scorers.Current.Score(pieces.Select(p => p.Text).ToArray(), cancellationToken);
            var rescored = pieces.Select((p, i) => new RescoredPiece(p.Id, scores[i])).ToArray();
            if (await chunks.CompleteAsync(run, chunk, owner, rescored, time.GetUtcNow(), cancellationToken))
            {
                logger.LogInformation("Re-scored chunk {FirstId}-{LastId} of {Run}: {Pieces} piece(s)", chunk.FirstId, chunk.LastId, run.Key, rescored.Length);
                return rescored.Length;
            }

            logger.LogWarning("Re-scoring chunk {FirstId}-{LastId} of {Run} was taken over by another process (its lease ran out); its scores were dropped", chunk.FirstId, chunk.LastId, run.Key);
            return 0;
        }
        catch (OperationCanceledException)
        {
            try
            {
                await chunks.ReleaseAsync(run, chunk, owner, CancellationToken.None);
            }
            catch (System.Data.Common.DbException ex)
            {
                logger.LogDebug(ex, "Releasing re-scoring chunk {FirstId} of {Run} failed; its lease will run out", chunk.FirstId, run.Key);
            }

            throw;
        }
    }
}
