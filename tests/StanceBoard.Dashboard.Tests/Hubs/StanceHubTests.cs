using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Hubs;

public sealed class StanceHubTests(StanceBoardFactory factory) : IClassFixture<StanceBoardFactory>
{
    [Fact]
    public async Task PieceScored_PostedPiece_ReachesEveryConnectedClient()
    {
        var server = factory.Server;
        var hubUri = new Uri(server.BaseAddress, "hubs/stance");
        var wsUri = new UriBuilder(hubUri) { Scheme = "ws" }.Uri;
        await using var first = await HubTestClient.ConnectAsync(ct => server.CreateWebSocketClient().ConnectAsync(wsUri, ct));
        await using var second = await HubTestClient.ConnectAsync(ct => server.CreateWebSocketClient().ConnectAsync(wsUri, ct));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", StanceBoardFactory.AdminKey);
        var title = "Live " + Guid.NewGuid().ToString("N");

        var response = await client.PostAsJsonAsync("/api/pieces", new { title, text = $"Baku celebrated. {title}", authors = new[] { "Ann Lee" }, outlet = "Example" });
        response.EnsureSuccessStatusCode();

        foreach (var hub in new[] { first, second })
        {
            var message = await hub.WaitForAsync("pieceScored", TimeSpan.FromSeconds(10), m => m.GetProperty("title").GetString() == title);
            message.GetProperty("authors")[0].GetString().ShouldBe("Ann Lee");
            message.GetProperty("outlet").GetString().ShouldBe("Example");
            message.GetProperty("targets").GetProperty("Azerbaijan").GetProperty("mentions").GetInt32().ShouldBe(1);
            message.GetProperty("id").GetInt64().ShouldBeGreaterThan(0);
        }

        // The store watcher must not announce it a second time: once it has announced a later piece, it has passed over this one.
        await StoreWatcherPassAsync(first);
        first.Received("pieceScored").Count(m => m[0].GetProperty("title").GetString() == title).ShouldBe(1);
    }

    [Fact]
    public async Task PieceScored_PieceStoredByAnotherProcess_IsAnnouncedOnce()
    {
        var server = factory.Server;
        var wsUri = new UriBuilder(new Uri(server.BaseAddress, "hubs/stance")) { Scheme = "ws" }.Uri;
        await using var hub = await HubTestClient.ConnectAsync(ct => server.CreateWebSocketClient().ConnectAsync(wsUri, ct));
        var title = "From the CLI " + Guid.NewGuid().ToString("N");

        // Straight into the store, as the ingest verb in another process does.
        var store = factory.Services.GetRequiredService<IStanceStore>();
        await store.AddScoredPieceAsync(new Piece { Title = title, Text = "Lavrov met Bayramov. " + title }, []);

        var message = await hub.WaitForAsync("pieceScored", TimeSpan.FromSeconds(10), m => m.GetProperty("title").GetString() == title);
        message.GetProperty("id").GetInt64().ShouldBeGreaterThan(0);
        await StoreWatcherPassAsync(hub);
        hub.Received("pieceScored").Count(m => m[0].GetProperty("title").GetString() == title).ShouldBe(1);
    }

    /// <summary>
    /// Stores a marker piece behind the app's back and waits for its announcement: the watcher has
    /// then looked at every piece stored before it, and (a connection delivering in order) any
    /// second announcement of an earlier piece has arrived.
    /// </summary>
    private async Task StoreWatcherPassAsync(HubTestClient hub)
    {
        var marker = "Marker " + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<IStanceStore>().AddScoredPieceAsync(new Piece { Title = marker, Text = "Aliyev spoke. " + marker }, []);
        await hub.WaitForAsync("pieceScored", TimeSpan.FromSeconds(10), m => m.GetProperty("title").GetString() == marker);
    }
}
