namespace StanceBoard.Dashboard.Models;

/// <summary>
/// What a re-scoring run in another process (<c>train --promote</c>) leaves in the store's
/// settings when it ends, so a running dashboard on the same SQLite database redraws its charts
/// from the new scores.
/// </summary>
/// <param name="ModelVersion">The version the pieces were re-scored with.</param>
/// <param name="Count">Pieces the run re-scored.</param>
/// <param name="At">When it ended.</param>
public sealed record ScoresRescored(string ModelVersion, long Count, DateTimeOffset At)
{
    /// <summary>The setting's key.</summary>
    public const string Setting = "scores.rescored";
}
