using System.Net.Http.Json;
using System.Xml.Linq;
using StanceBoard.Dashboard.LiveCharts;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.LiveCharts;

public sealed class LiveChartsTests(StanceBoardFactory factory) : IClassFixture<StanceBoardFactory>
{
    private async Task<HubTestClient> ConnectAsync()
    {
        var server = factory.Server;
        var wsUri = new UriBuilder(new Uri(server.BaseAddress, "hubs/stance")) { Scheme = "ws" }.Uri;
        return await HubTestClient.ConnectAsync(ct => server.CreateWebSocketClient().ConnectAsync(wsUri, ct));
    }

    private HttpClient Writer()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", StanceBoardFactory.AdminKey);
        return client;
    }

    [Fact]
    public async Task Subscribe_BurstOfPieces_GivesFewRendersSentToEverySubscriber()
    {
        const string key = "stance-distribution?width=640&height=360";
        await using var first = await ConnectAsync();
        await using var second = await ConnectAsync();
        (await first.InvokeAsync("subscribe", key)).ShouldBeNull();
        (await second.InvokeAsync("subscribe", key)).ShouldBeNull();
        var writer = Writer();

        var burst = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 8; i++)
        {
            (await writer.PostAsJsonAsync("/api/pieces", new { title = $"Burst {i}", text = $"Moscow welcomed the deal, and Ankara praised Baku. {Guid.NewGuid():N}", published = "2020-10-20" })).EnsureSuccessStatusCode();
        }

        burst.Stop();

        var update = await first.WaitForChartAsync(key, TimeSpan.FromSeconds(10));
        var svg = XDocument.Parse(update.Svg);
        svg.Root!.Name.LocalName.ShouldBe("svg");
        update.Marks.ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Array, "the marks travel beside the SVG");
        (await second.WaitForChartAsync(key, TimeSpan.FromSeconds(10))).Version.ShouldBe(update.Version);

        // Eight pieces within well under a second: at most three renders reach the page (first,
        // coalesced rest, maybe one more). On a busy machine the posts themselves can take longer
        // than the coalescing interval; then one more render per interval the burst lasted is allowed
        // (still fewer than a render per piece unless the burst was slower than 3 s). Wait for the render that shows all eight (the same chart
        // as the API draws it now, at the canonical live size), then count what arrived before it.
        ChartKey.TryParse(key, out var live, out _).ShouldBeTrue();
        var size = live!.Request.Size;
        var current = await factory.CreateClient().GetStringAsync($"/api/charts/stance-distribution.svg?width={size.WidthPx}&height={size.HeightPx}");
        if (update.Svg != current)
        {
            while ((await first.WaitForChartAsync(key, TimeSpan.FromSeconds(10))).Svg != current)
            {
            }
        }

        await first.PingAsync();
        var allowed = Math.Max(3, 2 + (int)Math.Ceiling(burst.Elapsed / ChartRefreshService.MinInterval));
        first.Received("chartUpdated").Count(m => m[0].GetString() == key).ShouldBeLessThanOrEqualTo(allowed, $"the burst took {burst.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Subscribe_UnknownChartOrBadParameter_IsRefusedWithTheReason()
    {
        await using var hub = await ConnectAsync();

        (await hub.InvokeAsync("subscribe", "pie-chart?width=10")).ShouldNotBeNull().ShouldContain("no chart");
        (await hub.InvokeAsync("subscribe", "stance-timeline?width=999999")).ShouldNotBeNull().ShouldContain("width");
        (await hub.InvokeAsync("subscribe", "stance-timeline?to=9999-12-31")).ShouldNotBeNull().ShouldContain("to: ");
    }

    [Fact]
    public async Task Unsubscribe_StopsUpdates()
    {
        const string key = "author-heatmap?width=500&height=400";
        await using var hub = await ConnectAsync();
        await using var control = await ConnectAsync();
        (await hub.InvokeAsync("subscribe", key)).ShouldBeNull();
        (await control.InvokeAsync("subscribe", key)).ShouldBeNull();
        (await hub.InvokeAsync("unsubscribe", key)).ShouldBeNull();

        (await Writer().PostAsJsonAsync("/api/pieces", new { title = "After unsubscribe", text = $"Putin called Aliyev. {Guid.NewGuid():N}", authors = new[] { "Ann Lee" } })).EnsureSuccessStatusCode();

        // The group send reached the control page; anything sent to the other page with it arrives before its ping answer.
        await control.WaitForChartAsync(key, TimeSpan.FromSeconds(10));
        await hub.PingAsync();
        hub.Received("chartUpdated").ShouldBeEmpty();
    }
}
