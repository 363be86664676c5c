using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace StanceBoard.Benchmarks.Live;

/// <summary>
/// The latency probe of the live benchmark, on the SignalR .NET client: one connection that
/// subscribes to charts and timestamps every <c>pieceScored</c> and <c>chartUpdated</c> it gets,
/// with the piece title or chart key as marker (the shape <see cref="LeanHubClient"/> records).
/// </summary>
internal sealed class SignalRProbe : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private SignalRProbe(HubConnection connection)
    {
        _connection = connection;
        _connection.On<JsonElement>("pieceScored", piece => Add("pieceScored", piece.TryGetProperty("title", out var title) ? title.GetString() ?? string.Empty : string.Empty));
        _connection.On<string, long, string, JsonElement>("chartUpdated", (key, _, _, _) => Add("chartUpdated", key));
    }

    /// <summary>(receive timestamp in Stopwatch ticks, target, marker).</summary>
    public List<(long At, string Target, string Marker)> Received { get; } = [];

    public static async Task<SignalRProbe> ConnectAsync(Uri hub, CancellationToken cancellationToken)
    {
        var probe = new SignalRProbe(new HubConnectionBuilder().WithUrl(hub, HttpTransportType.WebSockets).Build());
        await probe._connection.StartAsync(cancellationToken);
        return probe;
    }

    public Task SubscribeAsync(string key, CancellationToken cancellationToken) => _connection.InvokeAsync("subscribe", key, cancellationToken);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void Add(string target, string marker)
    {
        var at = Stopwatch.GetTimestamp();
        lock (Received)
        {
            Received.Add((at, target, marker));
        }
    }
}
