using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Demo;

/// <summary>The app with the demo replay on and no pause between pieces.</summary>
public sealed class DemoFactory : StanceBoardFactory
{
    public DemoFactory()
        : base(useKestrel: false, settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "true", ["Demo:IntervalMilliseconds"] = "0" })
    {
    }
}

public sealed class DemoReplayTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private async Task<JsonElement> WaitForDemoPiecesAsync(HttpClient client, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>("/api/demo");
            if (status.GetProperty("demoPieces").GetInt64() >= count || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Demo_EmptyStore_ReplaysTheWholeCorpusMarkedAsDemoThenClearsForGood()
    {
        var client = factory.CreateClient();

        var status = await WaitForDemoPiecesAsync(client, 36);

        status.GetProperty("demoPieces").GetInt64().ShouldBe(status.GetProperty("corpusSize").GetInt32());
        var pieces = await client.GetFromJsonAsync<JsonElement[]>("/api/pieces?limit=500");
        pieces!.Length.ShouldBe(36);
        pieces.ShouldAllBe(p => p.GetProperty("isDemo").GetBoolean());
        pieces.ShouldAllBe(p => p.GetProperty("published").GetDateTimeOffset() >= new DateTimeOffset(2020, 9, 1, 0, 0, 0, TimeSpan.Zero)
            && p.GetProperty("published").GetDateTimeOffset() < new DateTimeOffset(2020, 12, 1, 0, 0, 0, TimeSpan.Zero));
        pieces.Select(p => p.GetProperty("authors")[0].GetString()).Distinct().Count().ShouldBeGreaterThan(5);

        var annotator = factory.CreateClient();
        annotator.DefaultRequestHeaders.Add("X-Api-Key", StanceBoardFactory.AnnotatorKey);
        (await annotator.DeleteAsync("/api/demo")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var wsUri = new UriBuilder(new Uri(factory.Server.BaseAddress, "hubs/stance")) { Scheme = "ws" }.Uri;
        await using var page = await HubTestClient.ConnectAsync(ct => factory.Server.CreateWebSocketClient().ConnectAsync(wsUri, ct));
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", StanceBoardFactory.AdminKey);
        var cleared = await (await admin.DeleteAsync("/api/demo")).Content.ReadFromJsonAsync<JsonElement>();
        var removed = await page.WaitForAsync("piecesRemoved", TimeSpan.FromSeconds(10));

        cleared.GetProperty("deleted").GetInt32().ShouldBe(36);
        removed.GetProperty("reason").GetString().ShouldBe("demo");
        removed.GetProperty("count").GetInt32().ShouldBe(36);
        (await client.GetFromJsonAsync<JsonElement[]>("/api/pieces?limit=500"))!.ShouldBeEmpty();
        var after = await client.GetFromJsonAsync<JsonElement>("/api/demo");
        after.GetProperty("cleared").GetBoolean().ShouldBeTrue();
        after.GetProperty("demoPieces").GetInt64().ShouldBe(0);
    }
}
