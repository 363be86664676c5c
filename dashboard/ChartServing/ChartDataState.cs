using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Pipeline;

namespace StanceBoard.Dashboard.ChartServing;

/// <summary>
/// Follows changes to the stored scores so the chart caches know what is stale: new pieces
/// (stored here or announced by the store watcher), deletions, re-scoring. Told before anyone
/// else that reads charts (<see cref="Changed"/> fires after the version moved; during a re-scoring run
/// the version moves with each page and <see cref="Changed"/> fires when the run ends).
/// </summary>
internal sealed class ChartDataState : IPieceScoredSink, IPiecesRemovedSink, IRescoreProgressSink
{
    private long _generation;
    private long _changes;

    /// <summary>Raised after every change, once <see cref="Current"/> shows it.</summary>
    public event Action? Changed;

    /// <summary>The state now.</summary>
    public DataVersion Current => new(Volatile.Read(ref _generation), Volatile.Read(ref _changes));

    public Task OnPieceScoredAsync(PieceDto piece, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(piece);
        Interlocked.Increment(ref _changes);
        Changed?.Invoke();
        return Task.CompletedTask;
    }

    public Task OnPiecesRemovedAsync(PiecesRemoved removal, CancellationToken cancellationToken)
    {
        Invalidate();
        return Task.CompletedTask;
    }

    public Task OnProgressAsync(RescoreProgress progress, CancellationToken cancellationToken)
    {
        // Every page of re-scored pieces changes stored scores: requests see each page (as when they read the
        // store every time); live charts are redrawn once the run ends, as before.
        Interlocked.Increment(ref _generation);
        Interlocked.Increment(ref _changes);
        if (progress?.State is "finished" or "cancelled" or "failed")
        {
            Changed?.Invoke();
        }

        return Task.CompletedTask;
    }

    /// <summary>Marks every cached chart stale (scores changed in a way other than new pieces).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Interlocked.Increment(ref _changes);
        Changed?.Invoke();
    }
}
