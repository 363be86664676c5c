using Microsoft.AspNetCore.SignalR;
using StanceBoard.Dashboard.Hubs;

namespace StanceBoard.Dashboard.Pipeline;

/// <summary>Pushes <c>pieceScored</c> and <c>piecesRemoved</c> to every connected browser.</summary>
internal sealed class HubPieceSink(IHubContext<StanceHub, IStanceClient> hub) : IPieceScoredSink, IPiecesRemovedSink
{
    public Task OnPieceScoredAsync(PieceDto piece, CancellationToken cancellationToken)
    {
        Telemetry.StanceBoardTelemetry.HubMessages.Add(1, new("direction", "out"), new("method", "pieceScored"));
        return hub.Clients.All.PieceScoredAsync(piece);
    }

    public Task OnPiecesRemovedAsync(PiecesRemoved removal, CancellationToken cancellationToken) => hub.Clients.All.PiecesRemovedAsync(removal);
}
