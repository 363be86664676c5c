using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StanceBoard.Benchmarks.Live;

/// <summary>
/// The comparison for the fan-out run: a bare SignalR hub with nothing behind it.
/// <c>POST /broadcast?size=N</c> sends <c>pieceScored</c> with a marker title and then a
/// <c>chartUpdated</c> with an N-byte SVG to every client: the same messages the dashboard
/// sends, without storing, scoring or rendering.
/// </summary>
internal static class BareHubServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BareHub>("/hubs/stance");
        app.MapGet("/health", () => "ok");
        app.MapPost("/broadcast", async (HttpContext http, IHubContext<BareHub> hub) =>
        {
            var title = http.Request.Query["title"].ToString();
            var size = int.TryParse(http.Request.Query["size"], out var s) ? s : 20_000;
            var piece = new { id = 1, title, authors = new[] { "Bare Hub" }, outlet = "Bench", published = DateTimeOffset.UtcNow, targets = new { } };
            await hub.Clients.All.SendAsync("pieceScored", piece);
            await hub.Clients.All.SendAsync("chartUpdated", "stance-timeline", 1L, "<svg>" + new string('x', size) + "</svg>");
            return Results.Ok();
        });
        await app.RunAsync();
        return 0;
    }

    internal sealed class BareHub : Hub
    {
        public Task Subscribe(string key) => Groups.AddToGroupAsync(Context.ConnectionId, key);
    }
}
