using Microsoft.AspNetCore.SignalR;
using StanceBoard.Dashboard.Pipeline;

namespace StanceBoard.Dashboard.Hubs;

/// <summary>What the server calls on connected browsers. Method names are the wire names.</summary>
public interface IStanceClient
{
    /// <summary>A new piece was stored and scored.</summary>
    [HubMethodName("pieceScored")]
    Task PieceScoredAsync(PieceDto piece);

    /// <summary>Stored pieces are being re-scored with a newly active model.</summary>
    [HubMethodName("rescoreProgress")]
    Task RescoreProgressAsync(Models.RescoreProgress progress);
}
