using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>
/// Re-scoring chunks on the embedded store, where one process re-scores: every run is new and
/// private to the process that started it, and its chunks are the next pages of pieces in id order,
/// handed out one at a time (leases cannot run out, as nobody else could take them over). This is
/// the behaviour before chunks existed, behind the same interface as PostgreSQL's.
/// </summary>
internal sealed class SqliteRescoreChunks(IStanceStore store) : IRescoreChunks
{
    private const int ForeignKeyFailed = 19; // SQLITE_CONSTRAINT
    private readonly ConcurrentDictionary<string, RunState> _runs = new(StringComparer.Ordinal);
    private long _started;

    public async Task<RescoreRun> StartAsync(string version, int chunkSize, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var total = await store.CountPiecesAsync(includeDemo: true, includeCopies: false, cancellationToken: cancellationToken);
        var run = new RescoreRun(string.Create(CultureInfo.InvariantCulture, $"{version}#{Interlocked.Increment(ref _started)}"), version);
        _runs[run.Key] = new RunState(chunkSize, total);
        return run;
    }

    public async Task<RescoreChunk?> LeaseAsync(RescoreRun run, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var state = Get(run);
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            if (state.Exhausted)
            {
                return null;
            }

            var page = await store.ListPiecesAsync(new PieceQuery { AfterId = state.After, Limit = state.ChunkSize }, cancellationToken);
            if (page.Count == 0)
            {
                state.Exhausted = true;
                return null;
            }

            state.After = page.Max(p => p.Id);
            state.Open++;
            return new RescoreChunk(page.Min(p => p.Id), state.After, page.Count, null);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    public async Task<bool> CompleteAsync(RescoreRun run, RescoreChunk chunk, string owner, IReadOnlyList<RescoredPiece> pieces, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(pieces);
        var state = Get(run);
        foreach (var piece in pieces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await store.ReplaceScoresAsync(piece.PieceId, piece.Scores, cancellationToken);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == ForeignKeyFailed)
            {
                // Deleted since the chunk was read (the demo cleared): nothing to re-score.
                if (await store.GetPieceAsync(piece.PieceId, cancellationToken) is not null)
                {
                    throw;
                }
            }
        }

        Interlocked.Add(ref state.Done, pieces.Count);
        Interlocked.Decrement(ref state.Open);
        return true;
    }

    public Task ReleaseAsync(RescoreRun run, RescoreChunk chunk, string owner, CancellationToken cancellationToken = default)
    {
        // A run is private to one process: a released chunk is not handed out again; the run ends with it.
        var state = Get(run);
        state.Exhausted = true;
        Interlocked.Decrement(ref state.Open);
        return Task.CompletedTask;
    }

    public async Task<RescoreTally> TallyAsync(RescoreRun run, CancellationToken cancellationToken = default)
    {
        var state = Get(run);
        var done = Interlocked.Read(ref state.Done);
        var open = Volatile.Read(ref state.Open);
        if (!state.Exhausted && (await store.ListPiecesAsync(new PieceQuery { AfterId = state.After, Limit = 1 }, cancellationToken)).Count > 0)
        {
            open++; // pieces not handed out yet: the next chunk
        }

        return new RescoreTally(done, Math.Max(state.Total, done), open);
    }

    private RunState Get(RescoreRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _runs.TryGetValue(run.Key, out var state)
            ? state
            : throw new InvalidOperationException($"Re-scoring run '{run.Key}' was not started in this process.");
    }

    private sealed class RunState(int chunkSize, long total)
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int ChunkSize { get; } = chunkSize;

        public long Total { get; } = total;

        public long After { get; set; }

        public bool Exhausted { get; set; }

        public long Done;

        public int Open;
    }
}
