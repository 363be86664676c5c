using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace StanceBoard.Tests.Shared;

/// <summary>
/// A minimal SignalR client speaking the JSON hub protocol over a WebSocket (the .NET SignalR
/// client package is not served here). Collects every invocation the server sends.
/// </summary>
public sealed class HubTestClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly WebSocket _socket;
    private readonly Channel<HubInvocation> _invocations = Channel.CreateUnbounded<HubInvocation>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _completions = new();
    private long _nextInvocationId;

    private HubTestClient(WebSocket socket)
    {
        _socket = socket;
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Connects a WebSocket made by <paramref name="connect"/> and completes the handshake.</summary>
    public static async Task<HubTestClient> ConnectAsync(Func<CancellationToken, Task<WebSocket>> connect, CancellationToken cancellationToken = default)
    {
        var socket = await connect(cancellationToken);
        await SendRawAsync(socket, "{\"protocol\":\"json\",\"version\":1}" + RecordSeparator, cancellationToken);
        var handshake = await ReceiveRecordAsync(socket, new StringBuilder(), Encoding.UTF8.GetDecoder(), cancellationToken);
        if (handshake is null || handshake.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Hub handshake failed: {handshake}");
        }

        return new HubTestClient(socket);
    }

    /// <summary>Calls a hub method without waiting for a result.</summary>
    public Task SendAsync(string target, params object[] arguments) =>
        SendRawAsync(_socket, JsonSerializer.Serialize(new { type = 1, target, arguments }) + RecordSeparator, CancellationToken.None);

    /// <summary>Calls a hub method and waits for its completion; returns the server's error message, or null on success.</summary>
    public async Task<string?> InvokeAsync(string target, params object[] arguments)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _completions[id] = completion;
        await SendRawAsync(_socket, JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }) + RecordSeparator, CancellationToken.None);
        var result = await completion.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return result.TryGetProperty("error", out var error) ? error.GetString() : null;
    }

    /// <summary>Waits for the next invocation of <paramref name="target"/> (others are skipped).</summary>
    public async Task<JsonElement> WaitForAsync(string target, TimeSpan timeout, Func<JsonElement, bool>? match = null)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            HubInvocation invocation;
            try
            {
                invocation = await _invocations.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No '{target}' message within {timeout.TotalSeconds:0.#} s.");
            }

            if (invocation.Target == target && invocation.Arguments.GetArrayLength() > 0 && (match is null || match(invocation.Arguments[0])))
            {
                return invocation.Arguments[0];
            }
        }
    }

    /// <summary>Waits for the next <c>chartUpdated</c> for <paramref name="key"/>.</summary>
    public async Task<(long Version, string Svg, JsonElement Marks)> WaitForChartAsync(string key, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            HubInvocation invocation;
            try
            {
                invocation = await _invocations.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No chartUpdated for '{key}' within {timeout.TotalSeconds:0.#} s.");
            }

            if (invocation.Target == "chartUpdated" && invocation.Arguments[0].GetString() == key)
            {
                return (invocation.Arguments[1].GetInt64(), invocation.Arguments[2].GetString()!, invocation.Arguments.GetArrayLength() > 3 ? invocation.Arguments[3] : default);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // already gone
        }

        try
        {
            await _reader;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var pending = new StringBuilder();
        var decoder = Encoding.UTF8.GetDecoder();
        while (!_stop.IsCancellationRequested)
        {
            var record = await ReceiveRecordAsync(_socket, pending, decoder, _stop.Token);
            if (record is null)
            {
                break;
            }

            using var document = JsonDocument.Parse(record);
            var root = document.RootElement;
            var type = root.GetProperty("type").GetInt32();
            if (type == 3 && root.TryGetProperty("invocationId", out var invocationId) && _completions.TryRemove(invocationId.GetString()!, out var completion))
            {
                completion.TrySetResult(root.Clone());
            }
            else if (type == 1)
            {
                _invocations.Writer.TryWrite(new HubInvocation(root.GetProperty("target").GetString()!, root.GetProperty("arguments").Clone()));
            }
        }

        _invocations.Writer.TryComplete();
    }

    private static async Task<string?> ReceiveRecordAsync(WebSocket socket, StringBuilder pending, Decoder decoder, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var text = pending.ToString();
            var separator = text.IndexOf(RecordSeparator, StringComparison.Ordinal);
            if (separator >= 0)
            {
                pending.Remove(0, separator + 1);
                return text[..separator];
            }

            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            var chars = new char[decoder.GetCharCount(buffer, 0, result.Count)];
            decoder.GetChars(buffer, 0, result.Count, chars, 0);
            pending.Append(chars);
        }
    }

    private static Task SendRawAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);

    private sealed record HubInvocation(string Target, JsonElement Arguments);
}
