using Microsoft.AspNetCore.SignalR;
using StanceBoard.Dashboard.Hubs;

namespace StanceBoard.Dashboard.Pipeline;

/// <summary>Pushes <c>pieceScored</c> to every connected browser.</summary>
internal sealed class HubPieceSink(IHubContext<StanceHub, IStanceClient> hub) : IPieceScoredSink
{
    public Task OnPieceScoredAsync(PieceDto piece, CancellationToken cancellationToken) => hub.Clients.All.PieceScoredAsync(piece);
}
