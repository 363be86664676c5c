using Microsoft.AspNetCore.SignalR;
using StanceBoard.Dashboard.Hubs;

namespace StanceBoard.Dashboard.Labelling.Training;

/// <summary>Pushes <c>trainingProgress</c> to every connected browser.</summary>
internal sealed class HubTrainingSink(IHubContext<StanceHub, IStanceClient> hub) : ITrainingProgressSink
{
    public Task OnTrainingAsync(TrainingStatus status, CancellationToken cancellationToken) => hub.Clients.All.TrainingProgressAsync(status);
}
