using Microsoft.AspNetCore.SignalR;
using StanceBoard.Dashboard.LiveCharts;

namespace StanceBoard.Dashboard.Hubs;

/// <summary>
/// The live channel at <c>/hubs/stance</c>. Everyone may listen (viewers read); nothing here
/// mutates stored data. Pages follow charts with <c>subscribe(chartKey)</c> and
/// <c>unsubscribe(chartKey)</c>, where a key is <c>name?query</c> as in the charts API.
/// </summary>
public sealed class StanceHub(ChartSubscriptions subscriptions) : Hub<IStanceClient>
{
    public const string Path = "/hubs/stance";

    [HubMethodName("subscribe")]
    public async Task SubscribeAsync(string chartKey)
    {
        if (!ChartKey.TryParse(chartKey, out var chart, out var error))
        {
            throw new HubException(error);
        }

        switch (subscriptions.Add(Context.ConnectionId, chart!))
        {
            case SubscribeResult.ConnectionFull:
                throw new HubException($"A page may follow at most {ChartSubscriptions.MaxPerConnection} charts at once.");
            case SubscribeResult.ServerFull:
                throw new HubException($"The server already follows {subscriptions.MaxKeys} different live charts; this one is shown without live updates (reload to refresh it).");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, chart!.Group);
    }

    [HubMethodName("unsubscribe")]
    public async Task UnsubscribeAsync(string chartKey)
    {
        if (chartKey is null || !subscriptions.Remove(Context.ConnectionId, chartKey))
        {
            return;
        }

        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ChartKey.GroupOf(chartKey));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.RemoveConnection(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
