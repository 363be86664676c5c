using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Labelling;

/// <summary>Train → compare → promote (or discard, or cancel) through the API.</summary>
public sealed class TrainingApiTests : IDisposable
{
    private readonly LabellingFactory _factory = new(new Dictionary<string, string?> { ["Labelling:EvaluationShare"] = "0.5", ["Labelling:DoubleAnnotationShare"] = "0" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Train_WithLabels_ComparesOnHeldOutLabels_ThenPromoteReScoresAndAgainIs409()
    {
        await LabelThroughTheQueueAsync(16);
        using var admin = _factory.WithKey(StanceBoardFactory.AdminKey);
        var active = (await admin.GetFromJsonAsync<JsonElement>("/api/model")).GetProperty("active").GetProperty("version").GetString();

        await using var hub = await HubAsync();
        var started = await admin.PostAsJsonAsync("/api/training", new { bootstrapWeight = 0.5 });
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var run = await WaitAsync(hub, admin, r => r.GetProperty("state").GetString() != "running" && r.GetProperty("result").GetProperty("curve").GetProperty("state").GetString() != "running");

        run.GetProperty("state").GetString().ShouldBe("finished", run.ToString());
        var result = run.GetProperty("result");
        var inputs = result.GetProperty("inputs");
        inputs.GetProperty("heldOut").GetInt32().ShouldBeGreaterThan(0);
        (inputs.GetProperty("labels").GetInt32() + inputs.GetProperty("heldOut").GetInt32()).ShouldBe(48);
        inputs.GetProperty("bootstrapRows").GetInt32().ShouldBe((int)Math.Round(0.5 * inputs.GetProperty("bootstrapSize").GetInt32()));
        var comparison = result.GetProperty("comparison");
        comparison.GetProperty("heldOutLabels").GetInt32().ShouldBe(inputs.GetProperty("heldOut").GetInt32());
        comparison.GetProperty("baseline").GetProperty("version").GetString().ShouldBe(active);
        var candidate = comparison.GetProperty("candidate");
        candidate.GetProperty("metrics").GetProperty("count").GetInt32().ShouldBe(inputs.GetProperty("heldOut").GetInt32());
        candidate.GetProperty("metrics").GetProperty("confusion").GetArrayLength().ShouldBe(3);
        comparison.GetProperty("perTarget").GetArrayLength().ShouldBe(3);
        comparison.GetProperty("changed").GetProperty("sampled").GetInt32().ShouldBe(32);
        var curve = result.GetProperty("curve");
        curve.GetProperty("state").GetString().ShouldBe("finished");
        var points = curve.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("labels").GetInt32()).ToList();
        points[0].ShouldBe(0);
        points[^1].ShouldBe(inputs.GetProperty("labels").GetInt32());
        points.ShouldBeInOrder();

        var version = candidate.GetProperty("version").GetString()!;
        var runId = run.GetProperty("runId").GetInt64();
        (await admin.PostAsync($"/api/training/{runId}/promote", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<JsonElement>("/api/model")).GetProperty("active").GetProperty("version").GetString().ShouldBe(version);
        (await admin.PostAsync($"/api/training/{runId}/promote", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsync($"/api/training/{runId}/discard", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var latest = (await admin.GetFromJsonAsync<JsonElement>("/api/training")).GetProperty("latest");
        latest.GetProperty("decision").GetString().ShouldBe("promoted");
        (await admin.PostAsync("/api/models/rollback", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<JsonElement>("/api/model")).GetProperty("active").GetProperty("version").GetString().ShouldBe(active);
    }

    [Fact]
    public async Task Train_Discard_KeepsTheActiveVersion()
    {
        await LabelThroughTheQueueAsync(4);
        using var admin = _factory.WithKey(StanceBoardFactory.AdminKey);
        var active = (await admin.GetFromJsonAsync<JsonElement>("/api/model")).GetProperty("active").GetProperty("version").GetString();
        await using var hub = await HubAsync();
        (await admin.PostAsJsonAsync("/api/training", new { bootstrapWeight = 0.25 })).EnsureSuccessStatusCode();
        var run = await WaitAsync(hub, admin, r => r.GetProperty("state").GetString() != "running");

        (await admin.PostAsync($"/api/training/{run.GetProperty("runId").GetInt64()}/discard", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await admin.GetFromJsonAsync<JsonElement>("/api/model")).GetProperty("active").GetProperty("version").GetString().ShouldBe(active);
        (await admin.GetFromJsonAsync<JsonElement>("/api/training")).GetProperty("latest").GetProperty("decision").GetString().ShouldBe("discarded");
    }

    [Fact]
    public async Task Train_WhileRunning_409_CancelEndsIt_BadWeight400_NothingToTrainOn_FailsSayingWhy()
    {
        using var admin = _factory.WithKey(StanceBoardFactory.AdminKey);
        await using var hub = await HubAsync();
        (await admin.PostAsJsonAsync("/api/training", new { bootstrapWeight = 9 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.DeleteAsync("/api/training")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await admin.PostAsJsonAsync("/api/training", new { bootstrapWeight = 5 })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var second = await admin.PostAsJsonAsync("/api/training", new { bootstrapWeight = 1 });
        var cancelled = await admin.DeleteAsync("/api/training");
        var run = await WaitAsync(hub, admin, r => r.GetProperty("state").GetString() != "running");

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        run.GetProperty("state").GetString().ShouldBe("cancelled");

        (await admin.PostAsJsonAsync("/api/training", new { bootstrapWeight = 0 })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var empty = await WaitAsync(hub, admin, r => r.GetProperty("state").GetString() != "running" && r.GetProperty("runId").GetInt64() > run.GetProperty("runId").GetInt64());
        empty.GetProperty("state").GetString().ShouldBe("failed");
        empty.GetProperty("error").GetString()!.ShouldContain("Nothing to train on");
    }

    private async Task LabelThroughTheQueueAsync(int pieces)
    {
        await Pieces.PostManyAsync(_factory, pieces * 2);
        using var key = _factory.WithKey(StanceBoardFactory.AnnotatorKey);
        for (var i = 0; i < pieces; i++)
        {
            var item = await key.GetFromJsonAsync<JsonElement>("/api/labels/queue/next");
            var text = item.GetProperty("text").GetString()!;
            var labels = item.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).Select(target => new
            {
                target,
                stance = StanceIn(text, target),
            }).ToArray();
            (await key.PostAsJsonAsync("/api/labels", new { pieceId = item.GetProperty("pieceId").GetInt64(), origin = "queue", labels })).EnsureSuccessStatusCode();
        }
    }

    private static string StanceIn(string text, string target)
    {
        var alias = target switch { "Russia" => "Moscow", "Turkey" => "Ankara", _ => "Baku" };
        var sentence = text.Split(". ").First(s => s.StartsWith(alias, StringComparison.Ordinal));
        return sentence.Contains("praise", StringComparison.Ordinal) ? "favor" : sentence.Contains("answer", StringComparison.Ordinal) ? "against" : "none";
    }

    private async Task<HubTestClient> HubAsync()
    {
        var server = _factory.Server;
        var uri = new UriBuilder(new Uri(server.BaseAddress, "hubs/stance")) { Scheme = "ws" }.Uri;
        return await HubTestClient.ConnectAsync(ct => server.CreateWebSocketClient().ConnectAsync(uri, ct));
    }

    /// <summary>Waits for the <c>trainingProgress</c> message that says the run reached the state, then reads the run back from the API.</summary>
    private static async Task<JsonElement> WaitAsync(HubTestClient hub, HttpClient client, Func<JsonElement, bool> done)
    {
        await hub.WaitForAsync("trainingProgress", TimeSpan.FromMinutes(4), done);
        return (await client.GetFromJsonAsync<JsonElement>("/api/training")).GetProperty("latest");
    }
}
