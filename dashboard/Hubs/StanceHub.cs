using Microsoft.AspNetCore.SignalR;

namespace StanceBoard.Dashboard.Hubs;

/// <summary>
/// The live channel at <c>/hubs/stance</c>. Everyone may listen (viewers read); nothing here
/// mutates state.
/// </summary>
public sealed class StanceHub : Hub<IStanceClient>
{
    public const string Path = "/hubs/stance";
}
