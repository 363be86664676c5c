namespace StanceBoard.Dashboard.ChartServing;

/// <summary>
/// What this process knows of the stored scores: a generation that grows whenever scores changed
/// other than by new pieces (re-scoring, deletions), and the highest piece id announced as stored.
/// </summary>
/// <param name="Generation">Grows on every change that is not an addition.</param>
/// <param name="NewestPiece">The highest piece id announced (stored in this process or seen by the store watcher).</param>
public readonly record struct DataVersion(long Generation, long NewestPiece);
