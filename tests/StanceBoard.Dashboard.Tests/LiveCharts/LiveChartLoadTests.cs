using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StanceBoard.Dashboard.LiveCharts;
using StanceBoard.Dashboard.Tests.ChartServing;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.LiveCharts;

/// <summary>Issue 12, defect 4: hub subscriptions cannot multiply render work.</summary>
public sealed class LiveChartLoadTests
{
    private static Task<HubTestClient> ConnectAsync(ChartServingFactory server)
    {
        var hub = new UriBuilder(new Uri(server.Server.BaseAddress, "hubs/stance")) { Scheme = "ws" }.Uri;
        return HubTestClient.ConnectAsync(ct => server.Server.CreateWebSocketClient().ConnectAsync(hub, ct));
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    // A server of its own per test: subscriptions (and the cap) are server-wide.
    private static ChartServingFactory CreateSut(int maxKeys) => new(new Dictionary<string, string?>
    {
        ["LiveCharts:MaxKeys"] = maxKeys.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["LiveCharts:MaxConcurrentRenders"] = "1",
    });

    private static async Task PostPieceAsync(ChartServingFactory server)
    {
        using var writer = server.Writer();
        (await writer.PostAsJsonAsync("/api/pieces", new
        {
            title = "Live load " + Guid.NewGuid().ToString("N"),
            text = "Moscow welcomed the deal, and Ankara praised Baku. " + Guid.NewGuid().ToString("N"),
            authors = new[] { "Ann Lee" },
            published = "2020-10-20",
        })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Subscribe_SameChartAtDifferentPixelSizesAndParameterOrder_OneSvgServesAll()
    {
        using var server = CreateSut(maxKeys: 10);
        string[] keys = ["author-heatmap?width=540&height=405&targets=Russia", "author-heatmap?targets=Russia&height=420&width=560", "author-heatmap?width=500&height=375&targets=%20Russia"];
        var clients = new List<HubTestClient>();
        try
        {
            foreach (var key in keys)
            {
                var client = await ConnectAsync(server);
                clients.Add(client);
                (await client.InvokeAsync("subscribe", key)).ShouldBeNull();
            }

            await PostPieceAsync(server);

            var updates = new List<(long Version, string Svg, System.Text.Json.JsonElement Marks)>();
            for (var i = 0; i < keys.Length; i++)
            {
                updates.Add(await clients[i].WaitForChartAsync(keys[i], Wait));
            }

            updates.Select(u => u.Svg).Distinct().Count().ShouldBe(1, "one canonical render, scaled by its viewBox, serves every panel width");
            updates[0].Svg.ShouldContain("viewBox=");
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Subscribe_KeyWithCustomTitleOrCaption_IsRefusedNamingThem()
    {
        using var server = CreateSut(maxKeys: 10);
        await using var client = await ConnectAsync(server);

        var refused = (await client.InvokeAsync("subscribe", "stance-timeline?title=Random%201234&caption=x")).ShouldNotBeNull();

        refused.ShouldContain("title");
        refused.ShouldContain("caption");
    }

    [Fact]
    public async Task Subscribe_MoreDistinctChartsThanTheServerCap_IsRefusedButKnownChartsStillJoin()
    {
        using var server = CreateSut(maxKeys: 4);
        await using var first = await ConnectAsync(server);
        await using var second = await ConnectAsync(server);
        for (var day = 1; day <= 4; day++)
        {
            (await first.InvokeAsync("subscribe", $"stance-distribution?from=2020-09-{day:00}")).ShouldBeNull();
        }

        var refused = (await second.InvokeAsync("subscribe", "stance-distribution?from=2020-08-01")).ShouldNotBeNull();

        refused.ShouldContain("4 different live charts");
        (await second.InvokeAsync("subscribe", "stance-distribution?grey=false&from=2020-09-01T00:00:00Z")).ShouldBeNull(); // the same chart as one followed: joins it
        await PostPieceAsync(server);
        (await second.WaitForChartAsync("stance-distribution?grey=false&from=2020-09-01T00:00:00Z", Wait)).Svg.ShouldContain("<svg");
    }

    [Fact]
    public async Task Refresh_OneConnectionHoldingManyCharts_AnotherPagesChartIsDrawnInTheFirstRound()
    {
        using var server = CreateSut(maxKeys: ChartSubscriptions.MaxPerConnection + 1);
        await using var hog = await ConnectAsync(server);
        await using var viewer = await ConnectAsync(server);
        for (var day = 1; day <= ChartSubscriptions.MaxPerConnection; day++)
        {
            (await hog.InvokeAsync("subscribe", $"outlet-heatmap?to={new DateOnly(2021, 1, 1).AddDays(day):yyyy-MM-dd}")).ShouldBeNull();
        }

        const string key = "outlet-heatmap?width=960&height=540";
        (await viewer.InvokeAsync("subscribe", key)).ShouldBeNull();
        await PostPieceAsync(server);
        await viewer.WaitForChartAsync(key, Wait);

        var viewerRender = server.Services.GetRequiredService<ChartSubscriptions>().Active.Single(a => a.Keys.Contains(key)).RenderKey;
        server.Services.GetRequiredService<ChartRefreshService>().LastCycleOrder.Take(2)
            .ShouldContain(viewerRender, "each connection's first chart is drawn before anyone's second");
    }
}
