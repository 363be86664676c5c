using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StanceBoard.Benchmarks.Live;

/// <summary>
/// The comparison for the fan-out run: a bare SignalR hub with nothing behind it. Clients
/// subscribe to chart keys as on the dashboard (a group per key). <c>POST /messages</c> stores
/// the messages to repeat (a <c>pieceScored</c> payload as the dashboard sent it, and one SVG per
/// chart key); <c>POST /broadcast?title=T</c> then sends <c>pieceScored</c> with that title to
/// every client and each chart's <c>chartUpdated</c> to its group: the same messages the
/// dashboard sends, without storing, scoring or rendering. SignalR's default JSON escaping, or
/// with <c>--relaxed-json</c> the dashboard's (only what JSON needs).
/// </summary>
internal static class BareHubServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var relaxed = args.Contains("--relaxed-json");
        var builder = WebApplication.CreateSlimBuilder(args.Where(a => a != "--relaxed-json").ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var signalR = builder.Services.AddSignalR();
        if (relaxed)
        {
            signalR.AddJsonProtocol(o => o.PayloadSerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping); // as the dashboard
        }

        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BareHub>("/hubs/stance");
        app.MapGet("/health", () => "ok");
        BareMessages? messages = null;
        long version = 0;
        app.MapPost("/messages", async (HttpContext http) =>
        {
            messages = await JsonSerializer.DeserializeAsync<BareMessages>(http.Request.Body, JsonSerializerOptions.Web);
            return Results.Ok();
        });
        app.MapPost("/broadcast", async (HttpContext http, IHubContext<BareHub> hub) =>
        {
            if (messages is null)
            {
                return Results.BadRequest("POST /messages first");
            }

            var piece = messages.Piece.DeepClone().AsObject();
            piece["title"] = http.Request.Query["title"].ToString();
            await hub.Clients.All.SendAsync("pieceScored", piece);
            var v = Interlocked.Increment(ref version);
            foreach (var chart in messages.Charts)
            {
                await hub.Clients.Group("chart:" + chart.Key).SendAsync("chartUpdated", chart.Key, v, chart.Svg);
            }

            return Results.Ok();
        });
        await app.RunAsync();
        return 0;
    }

    internal sealed record BareMessages(JsonObject Piece, IReadOnlyList<BareChart> Charts);

    internal sealed record BareChart(string Key, string Svg);

    internal sealed class BareHub : Hub
    {
        public Task Subscribe(string key) => Groups.AddToGroupAsync(Context.ConnectionId, "chart:" + key);
    }
}
