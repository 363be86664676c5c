namespace StanceBoard.Dashboard.Storage;

/// <summary>
/// Re-scoring after a change of the active model, split into chunks of stored pieces (id ranges)
/// that processes lease one at a time, for a limited time, like source polls: several processes on
/// one database share a run, a chunk whose holder died is leased again once its lease ran out (a
/// takeover), and a chunk's scores are written together with its "done" mark, only while its lease
/// is still held — so each piece is re-scored once per run. On PostgreSQL the chunks are rows
/// (<c>FOR UPDATE SKIP LOCKED</c>); on the embedded SQLite store (one process) they are pages read
/// in order, as before.
/// </summary>
public interface IRescoreChunks
{
    /// <summary>
    /// Joins the run that re-scores stored pieces with <paramref name="version"/> after its latest
    /// promotion, planning its chunks of up to <paramref name="chunkSize"/> pieces if no process has yet.
    /// </summary>
    Task<RescoreRun> StartAsync(string version, int chunkSize, CancellationToken cancellationToken = default);

    /// <summary>Leases the next open chunk of <paramref name="run"/> to <paramref name="owner"/> until <paramref name="now"/> + <paramref name="duration"/>; <see langword="null"/> when none is free.</summary>
    Task<RescoreChunk?> LeaseAsync(RescoreRun run, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the new scores of a chunk's pieces and marks it done, in one transaction, if
    /// <paramref name="owner"/> still holds its lease; returns <see langword="false"/> (writing
    /// nothing) when another process took it over meanwhile. Pieces deleted meanwhile are skipped.
    /// </summary>
    Task<bool> CompleteAsync(RescoreRun run, RescoreChunk chunk, string owner, IReadOnlyList<RescoredPiece> pieces, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Gives a chunk back unfinished (cancelled, shutting down), so another process may lease it at once.</summary>
    Task ReleaseAsync(RescoreRun run, RescoreChunk chunk, string owner, CancellationToken cancellationToken = default);

    /// <summary>How far <paramref name="run"/> is, over every process taking part.</summary>
    Task<RescoreTally> TallyAsync(RescoreRun run, CancellationToken cancellationToken = default);
}
