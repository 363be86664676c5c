using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace StanceBoard.Dashboard.Tests.LiveCharts;

/// <summary>A page's hub connection (the SignalR .NET client over the test server), collecting <c>chartUpdated</c> messages.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<ChartUpdate> _updates = Channel.CreateUnbounded<ChartUpdate>();

    private LiveClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<string, long, string>("chartUpdated", (key, version, svg) => _updates.Writer.TryWrite(new ChartUpdate(key, version, svg)));
    }

    public static async Task<LiveClient> ConnectAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory)
        where TEntryPoint : class
    {
        var server = factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/stance"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, cancellationToken) =>
                    await server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellationToken);
            })
            .Build();
        await connection.StartAsync();
        return new LiveClient(connection);
    }

    /// <summary>Subscribes; the server's refusal comes back as a <see cref="Microsoft.AspNetCore.SignalR.HubException"/>.</summary>
    public Task SubscribeAsync(string key) => _connection.InvokeAsync("subscribe", key);

    /// <summary>Waits for the next update of <paramref name="key"/> (updates of other keys are skipped).</summary>
    public async Task<ChartUpdate> WaitForChartAsync(string key, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var update = await _updates.Reader.ReadAsync(cts.Token);
                if (update.Key == key)
                {
                    return update;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No chartUpdated for '{key}' within {timeout}.");
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    public sealed record ChartUpdate(string Key, long Version, string Svg);
}
