using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace StanceBoard.Benchmarks.Live;

/// <summary>
/// A cheap SignalR JSON-protocol client for the fan-out run only: one WebSocket, a receive loop
/// that timestamps each invocation and records only its target and a marker (the piece title or
/// chart key). Why not the SignalR .NET client here: the benchmark holds 1,000 connections in
/// the same 2-core machine as the server it measures, and each HubConnection brings its own
/// pipes, handshake, keep-alive timer and deserialises every argument (a whole chart SVG per
/// update) — load-generator cost that would be charged to the server's figures. Everything else
/// (the latency probe, the tests) uses the SignalR .NET client.
/// </summary>
internal sealed class LeanHubClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>(receive timestamp in Stopwatch ticks, target, marker).</summary>
    public List<(long At, string Target, string Marker)> Received { get; } = [];

    public static async Task<LeanHubClient> ConnectAsync(Uri hub, CancellationToken cancellationToken)
    {
        var client = new LeanHubClient();
        client._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await client._socket.ConnectAsync(new UriBuilder(hub) { Scheme = "ws" }.Uri, cancellationToken);
        await client.SendAsync("{\"protocol\":\"json\",\"version\":1}\u001e", cancellationToken);
        client._loop = Task.Run(client.ReceiveLoopAsync, CancellationToken.None);
        return client;
    }

    public Task SubscribeAsync(string key, CancellationToken cancellationToken) =>
        SendAsync(JsonSerializer.Serialize(new { type = 1, target = "subscribe", arguments = new[] { key } }) + "\u001e", cancellationToken);

    private Task SendAsync(string text, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[256 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var at = System.Diagnostics.Stopwatch.GetTimestamp();
                var bytes = message.GetBuffer().AsSpan(0, (int)message.Length);
                while (bytes.Length > 0)
                {
                    var end = bytes.IndexOf(RecordSeparator);
                    var record = end < 0 ? bytes : bytes[..end];
                    Record(at, record);
                    bytes = end < 0 ? [] : bytes[(end + 1)..];
                }

                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }

    private void Record(long at, ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record);
        string? target = null;
        string? marker = null;
        var type = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                target = reader.GetString();
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                reader.Read(); // [
                reader.Read(); // first argument: the chart key (string) or the piece (object)
                if (reader.TokenType == JsonTokenType.String)
                {
                    marker = reader.GetString();
                }
                else if (reader.TokenType == JsonTokenType.StartObject)
                {
                    var depth = reader.CurrentDepth;
                    while (reader.Read() && reader.CurrentDepth > depth)
                    {
                        if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("title"u8))
                        {
                            reader.Read();
                            marker = reader.GetString();
                            break;
                        }
                    }
                }

                break;
            }
        }

        if (type == 1 && target is not null)
        {
            lock (Received)
            {
                Received.Add((at, target, marker ?? string.Empty));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidOperationException)
        {
        }

        await _loop;
        _socket.Dispose();
        _stop.Dispose();
    }
}
