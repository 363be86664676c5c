using Microsoft.AspNetCore.SignalR;

namespace StanceBoard.Dashboard.Telemetry;

/// <summary>Counts hub connections and the messages pages send (<c>subscribe</c>, <c>unsubscribe</c>).</summary>
internal sealed class HubMetricsFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        StanceBoardTelemetry.HubMessages.Add(1, new("direction", "in"), new("method", invocationContext.HubMethodName));
        return next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        StanceBoardTelemetry.HubConnections.Add(1);
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        StanceBoardTelemetry.HubConnections.Add(-1);
        return next(context, exception);
    }
}
