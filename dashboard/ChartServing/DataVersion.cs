namespace StanceBoard.Dashboard.ChartServing;

/// <summary>
/// What this process knows of the stored scores: a generation that grows whenever scores changed
/// other than by new pieces (re-scoring, deletions), and a count of every change announced
/// (new pieces included). Announcements come after the change is committed, so a read that starts
/// after one sees it.
/// </summary>
/// <param name="Generation">Grows on every change that is not an addition.</param>
/// <param name="Changes">Grows on every announced change (stored in this process or seen by the store watcher).</param>
public readonly record struct DataVersion(long Generation, long Changes);
