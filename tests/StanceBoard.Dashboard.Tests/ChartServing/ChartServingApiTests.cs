using System.Net;
using System.Net.Http.Json;

namespace StanceBoard.Dashboard.Tests.ChartServing;

/// <summary>Issue 12, defect 3: anonymous chart requests cannot multiply store reads, renders or queue without bound.</summary>
public sealed class ChartServingApiTests
{
    private static readonly string[] Texts =
    [
        "Moscow brokered the truce and the Kremlin deserves credit for it. Baku accepted.",
        "Ankara armed Baku and cheered the offensive; Turkish drones changed the war.",
        "Azerbaijan regained districts; Russia sent peacekeepers while Turkey watched.",
    ];

    private static async Task SeedAsync(ChartServingFactory factory, int count)
    {
        using var writer = factory.Writer();
        for (var i = 0; i < count; i++)
        {
            var response = await writer.PostAsJsonAsync("/api/pieces", new
            {
                title = $"Seed {i} {Guid.NewGuid():N}",
                text = Texts[i % Texts.Length] + " " + Guid.NewGuid().ToString("N"),
                authors = new[] { $"Author {i % 4}" },
                outlet = $"Outlet {i % 2}",
                published = $"2020-10-{10 + i:00}",
            });
            response.EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Get_ManyTitlesAndFormatsOfOneChart_ReadTheStoreOncePerDataState()
    {
        using var factory = new ChartServingFactory(new Dictionary<string, string?>());
        await SeedAsync(factory, 6);
        using var client = factory.CreateClient();
        var before = factory.Hooks.Reads;

        foreach (var (title, format) in new[] { ("First", "svg"), ("Second", "svg"), ("Third", "csv"), ("Fourth", "svg"), ("Fifth", "png") })
        {
            var response = await client.GetAsync($"/api/charts/stance-timeline.{format}?title={title}&from=2020-10-01");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            if (format == "svg")
            {
                (await response.Content.ReadAsStringAsync()).ShouldContain(title);
            }
        }

        (await client.GetAsync("/api/charts/author-heatmap.svg?title=Other%20chart&from=2020-10-01")).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Hooks.Reads.ShouldBe(before + 1, "one read serves every title, format and chart with the same filter");

        await SeedAsync(factory, 1);
        var after = await client.GetStringAsync("/api/charts/stance-timeline.svg?title=First&from=2020-10-01");
        factory.Hooks.Reads.ShouldBe(before + 2, "a new piece is a new data state: read again");
        factory.Hooks.IncrementalReadsAfter.Count.ShouldBe(1, "only what was added is read");
        after.ShouldContain("n = 7");
    }

    [Fact]
    public async Task Get_RenderQueueFull_Is503WithRetryAfterAndTheHeldRenderStillCompletes()
    {
        using var factory = new ChartServingFactory(new Dictionary<string, string?>
        {
            ["ChartServing:MaxConcurrentRenders"] = "1",
            ["ChartServing:MaxQueuedRenders"] = "0",
            ["ChartServing:RetryAfterSeconds"] = "7",
        });
        await SeedAsync(factory, 2);
        using var client = factory.CreateClient();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var enteredAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        factory.Hooks.BeforeRead = async _ =>
        {
            if (!entered.TrySetResult())
            {
                enteredAgain.TrySetResult();
            }

            await gate.Task;
        };

        // The first render holds the only slot, waiting in the store on the test's gate.
        var held = client.GetAsync("/api/charts/stance-distribution.svg?title=Held");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var refused = client.GetAsync("/api/charts/author-heatmap.svg?title=Refused");
        var first = await Task.WhenAny(refused, enteredAgain.Task).WaitAsync(TimeSpan.FromSeconds(30));

        first.ShouldBe(refused, "with the slot busy and no queue, a second render must be refused, not started");
        var response = await refused;
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        (await response.Content.ReadAsStringAsync()).ShouldContain("Too many charts");

        gate.SetResult();
        (await held).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/charts/author-heatmap.svg?title=Refused")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_AnonymousBeyondItsBurst_Is429WithRetryAfterWhileAKeyHolderIsServed()
    {
        using var factory = new ChartServingFactory(new Dictionary<string, string?>
        {
            ["ChartServing:AnonymousBurst"] = "3",
            ["ChartServing:AnonymousPerMinute"] = "1",
        });
        await SeedAsync(factory, 1);
        using var anonymous = factory.CreateClient();
        using var annotator = factory.CreateClient();
        annotator.DefaultRequestHeaders.Add("X-Api-Key", ChartServingFactory.AnnotatorKey);

        for (var i = 0; i < 3; i++)
        {
            (await anonymous.GetAsync($"/api/charts/stance-distribution.svg?title=t{i}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var limited = await anonymous.GetAsync("/api/charts/stance-distribution.svg?title=t3");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("Too many chart requests");
        for (var i = 0; i < 5; i++)
        {
            (await annotator.GetAsync($"/api/charts/stance-distribution.svg?title=k{i}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await anonymous.GetAsync("/api/health")).StatusCode.ShouldBe(HttpStatusCode.OK, "only the heavy chart endpoints are limited");
    }
}
