using Microsoft.AspNetCore.SignalR;
using StanceBoard.Dashboard.Pipeline;

namespace StanceBoard.Dashboard.Hubs;

/// <summary>What the server calls on connected browsers. Method names are the wire names.</summary>
public interface IStanceClient
{
    /// <summary>A new piece was stored and scored.</summary>
    [HubMethodName("pieceScored")]
    Task PieceScoredAsync(PieceDto piece);

    /// <summary>
    /// A subscribed chart changed: its key as subscribed, a version that only grows, the new SVG, and
    /// beside it the linked marks (heatmap cells, position bars) with their rectangles in the SVG's units.
    /// </summary>
    [HubMethodName("chartUpdated")]
    Task ChartUpdatedAsync(string chartKey, long version, string svg, IReadOnlyList<Charts.ChartMark> marks);

    /// <summary>Stored pieces were deleted (<c>demo clear</c>): lists and counts on the page are stale.</summary>
    [HubMethodName("piecesRemoved")]
    Task PiecesRemovedAsync(Pipeline.PiecesRemoved removal);

    /// <summary>Stored pieces are being re-scored with a newly active model.</summary>
    [HubMethodName("rescoreProgress")]
    Task RescoreProgressAsync(Models.RescoreProgress progress);

    /// <summary>A training run started from the model page moved on (stage, progress, comparison, learning curve).</summary>
    [HubMethodName("trainingProgress")]
    Task TrainingProgressAsync(Labelling.Training.TrainingStatus status);
}
