using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace StanceBoard.Tests.Shared;

/// <summary>
/// A hub connection for tests, on the SignalR .NET client (<c>Microsoft.AspNetCore.SignalR.Client</c>):
/// it records every <c>pieceScored</c>, <c>chartUpdated</c>, <c>rescoreProgress</c>,
/// <c>piecesRemoved</c> and <c>trainingProgress</c> the server sends, in order, so a test waits for the message it expects.
/// </summary>
public sealed class HubTestClient : IAsyncDisposable
{
    // The client methods of IStanceClient and how many arguments each takes.
    private static readonly (string Target, int Arity)[] Targets = [("pieceScored", 1), ("chartUpdated", 4), ("rescoreProgress", 1), ("piecesRemoved", 1), ("trainingProgress", 1)];
    private readonly HubConnection _connection;
    private readonly Channel<HubInvocation> _invocations = Channel.CreateUnbounded<HubInvocation>();
    private readonly List<HubInvocation> _seen = [];

    private HubTestClient(HubConnection connection)
    {
        _connection = connection;
        foreach (var (target, arity) in Targets)
        {
            // Arguments arrive as JSON elements: tests read the wire format, as the page does.
            _connection.On(target, Enumerable.Repeat(typeof(JsonElement), arity).ToArray(), Receive, target);
        }
    }

    /// <summary>Connects over a WebSocket made by <paramref name="connect"/> (the test server's, or a real one) and starts the connection.</summary>
    public static async Task<HubTestClient> ConnectAsync(Func<CancellationToken, Task<WebSocket>> connect, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connect);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri("ws://stanceboard.test/hubs/stance"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (_, ct) => await connect(ct);
            })
            .Build();
        var client = new HubTestClient(connection);
        await connection.StartAsync(cancellationToken);
        return client;
    }

    /// <summary>Connects to a hub at an address on a real socket.</summary>
    public static async Task<HubTestClient> ConnectAsync(Uri hub, CancellationToken cancellationToken = default)
    {
        var connection = new HubConnectionBuilder().WithUrl(hub, HttpTransportType.WebSockets).Build();
        var client = new HubTestClient(connection);
        await connection.StartAsync(cancellationToken);
        return client;
    }

    /// <summary>Calls a hub method without waiting for it to finish.</summary>
    public Task SendAsync(string target, params object[] arguments) => _connection.SendCoreAsync(target, arguments);

    /// <summary>Calls a hub method and waits for its completion; returns the server's error message, or null on success.</summary>
    public async Task<string?> InvokeAsync(string target, params object[] arguments)
    {
        try
        {
            await _connection.InvokeCoreAsync(target, arguments).WaitAsync(TimeSpan.FromSeconds(10));
            return null;
        }
        catch (HubException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Waits for the next invocation of <paramref name="target"/> (others are skipped); fails after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitForAsync(string target, TimeSpan timeout, Func<JsonElement, bool>? match = null)
    {
        var invocation = await NextAsync(i => i.Target == target && i.Arguments.Length > 0 && (match is null || match(i.Arguments[0])), timeout, $"No '{target}' message");
        return invocation.Arguments[0];
    }

    /// <summary>Waits for the next <c>chartUpdated</c> for <paramref name="key"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<(long Version, string Svg, JsonElement Marks)> WaitForChartAsync(string key, TimeSpan timeout)
    {
        var invocation = await NextAsync(i => i.Target == "chartUpdated" && i.Arguments[0].GetString() == key, timeout, $"No chartUpdated for '{key}'");
        return (invocation.Arguments[1].GetInt64(), invocation.Arguments[2].GetString()!, invocation.Arguments.Length > 3 ? invocation.Arguments[3] : default);
    }

    /// <summary>
    /// Every message received so far that matches, without waiting. To prove a message did not come,
    /// first make the server answer something sent later on the same connection (<see cref="PingAsync"/>):
    /// a connection delivers in order, so anything sent before that answer has then arrived.
    /// </summary>
    public IReadOnlyList<JsonElement[]> Received(string target)
    {
        lock (_seen)
        {
            return _seen.Where(i => i.Target == target).Select(i => i.Arguments).ToArray();
        }
    }

    /// <summary>A round trip to the hub (an unsubscribe of a key nobody follows): everything the server sent this connection before it has arrived when this returns.</summary>
    public async Task PingAsync() => (await InvokeAsync("unsubscribe", "ping")).ShouldBeNull();

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _invocations.Writer.TryComplete();
    }

    private Task Receive(object?[] arguments, object state)
    {
        var invocation = new HubInvocation((string)state, arguments.Select(a => a is JsonElement e ? e.Clone() : default).ToArray());
        lock (_seen)
        {
            _seen.Add(invocation);
        }

        _invocations.Writer.TryWrite(invocation);
        return Task.CompletedTask;
    }

    private async Task<HubInvocation> NextAsync(Func<HubInvocation, bool> match, TimeSpan timeout, string what)
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
                throw new TimeoutException($"{what} within {timeout.TotalSeconds:0.#} s.");
            }

            if (match(invocation))
            {
                return invocation;
            }
        }
    }

    private sealed record HubInvocation(string Target, JsonElement[] Arguments);
}
