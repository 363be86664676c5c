using System.Net.Http.Json;
using StanceBoard.Dashboard.Tests.ChartServing;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.LiveCharts;

/// <summary>Issue 12, defect 1 (the refresh loop): one live chart that cannot be drawn must not stop the others.</summary>
public sealed class ChartRefreshIsolationTests
{
    private static Task<HubTestClient> ConnectAsync(ChartServingFactory server)
    {
        var hub = new UriBuilder(new Uri(server.Server.BaseAddress, "hubs/stance")) { Scheme = "ws" }.Uri;
        return HubTestClient.ConnectAsync(ct => server.Server.CreateWebSocketClient().ConnectAsync(hub, ct));
    }

    private const string FailingAuthor = "Failing Author";

    [Fact]
    public async Task Refresh_SubscribedChartThrowsWhileRendering_OtherPagesStillGetUpdates()
    {
        using var server = new ChartServingFactory(new Dictionary<string, string?>());
        server.Hooks.BeforeRead = filter => filter.Authors.Contains(FailingAuthor)
            ? throw new InvalidOperationException("This chart's data cannot be read.")
            : Task.CompletedTask;
        await using var breaker = await ConnectAsync(server);
        await using var page = await ConnectAsync(server);

        // Many failing charts, so that in any order some come before the good one.
        for (var day = 1; day <= 12; day++)
        {
            (await breaker.InvokeAsync("subscribe", $"stance-timeline?authors={Uri.EscapeDataString(FailingAuthor)}&from=2020-09-{day:00}")).ShouldBeNull();
        }

        const string key = "stance-distribution?width=720&height=405";
        (await page.InvokeAsync("subscribe", key)).ShouldBeNull();
        for (var i = 0; i < 2; i++)
        {
            using var writer = server.Writer();
            (await writer.PostAsJsonAsync("/api/pieces", new
            {
                title = $"Isolation {i} {Guid.NewGuid():N}",
                text = $"Moscow welcomed the deal, and Ankara praised Baku. {Guid.NewGuid():N}",
                authors = new[] { "Ann Lee" },
                published = "2020-10-20",
            })).EnsureSuccessStatusCode();

            var update = await page.WaitForChartAsync(key, TimeSpan.FromSeconds(15));
            update.Svg.ShouldContain($"n = {i + 1}");
        }
    }
}
