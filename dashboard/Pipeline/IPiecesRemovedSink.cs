namespace StanceBoard.Dashboard.Pipeline;

/// <summary>Told when stored pieces were deleted (by this process or another), so open pages and charts can drop them.</summary>
public interface IPiecesRemovedSink
{
    Task OnPiecesRemovedAsync(PiecesRemoved removal, CancellationToken cancellationToken);
}

/// <summary>
/// A deletion of stored pieces: why (<c>demo</c> for <c>demo clear</c>), how many, and when. It is
/// written to the store's settings under <see cref="Setting"/> by whoever deletes, and announced by
/// the <see cref="StoreWatcher"/> of every dashboard on that database.
/// </summary>
public sealed record PiecesRemoved(string Reason, int Count, DateTimeOffset At)
{
    /// <summary>The settings key holding the last removal, as JSON.</summary>
    public const string Setting = "pieces.last_removal";
}
