using Microsoft.AspNetCore.SignalR;
using StanceBoard.Dashboard.Hubs;

namespace StanceBoard.Dashboard.Models;

/// <summary>Pushes <c>rescoreProgress</c> to every connected browser.</summary>
internal sealed class HubRescoreSink(IHubContext<StanceHub, IStanceClient> hub) : IRescoreProgressSink
{
    public Task OnProgressAsync(RescoreProgress progress, CancellationToken cancellationToken) => hub.Clients.All.RescoreProgressAsync(progress);
}
