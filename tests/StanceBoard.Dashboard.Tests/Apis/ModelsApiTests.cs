using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Training;
using StanceBoard.Dashboard.Models;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Apis;

public sealed class ModelsApiTests(StanceBoardFactory factory) : IClassFixture<StanceBoardFactory>
{
    private HttpClient Client(string? key = null)
    {
        var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    [Fact]
    public async Task Models_FreshInstall_ListsTheActiveDefaultModelWithMetrics()
    {
        var models = await Client().GetFromJsonAsync<JsonElement>("/api/models");

        var active = models.EnumerateArray().Single(m => m.GetProperty("isActive").GetBoolean());
        active.GetProperty("source").GetString().ShouldBe("bootstrap corpus");
        JsonDocument.Parse(active.GetProperty("metricsJson").GetString()!).RootElement.GetProperty("f_avg").GetDouble().ShouldBeGreaterThan(0.4);
    }

    [Fact]
    public async Task Model_FreshInstall_GivesTheModelPageTheActiveVersionAndItsNumericMetrics()
    {
        var model = await Client().GetFromJsonAsync<JsonElement>("/api/model");

        var active = model.GetProperty("active");
        active.GetProperty("version").GetString().ShouldStartWith("m-");
        active.GetProperty("metrics").GetProperty("f_avg").GetDouble().ShouldBeInRange(0.4, 1);
        model.GetProperty("versions").EnumerateArray().Count(v => v.GetProperty("isActive").GetBoolean()).ShouldBe(1);
        active.GetProperty("metrics").GetProperty("features").GetString().ShouldBe("ngrams");
        model.GetProperty("unloadable").EnumerateObject().ShouldBeEmpty();
    }

    [Fact]
    public async Task Promote_NewVersion_ReScoresStoredPiecesInTheBackground_ThenRollbackRestores()
    {
        var pieces = Client(StanceBoardFactory.AdminKey);
        (await pieces.PostAsJsonAsync("/api/pieces", new { title = "T", text = "Moscow's mediators deserve credit. Ankara objected loudly." })).EnsureSuccessStatusCode();
        var registry = factory.Services.GetRequiredService<ModelRegistry>();
        var original = (await Client().GetFromJsonAsync<JsonElement>("/api/models")).EnumerateArray().Single(m => m.GetProperty("isActive").GetBoolean()).GetProperty("version").GetString()!;
        var candidate = await registry.RegisterAsync(
            new StanceModelTrainer(new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, L2 = 0.3, CrossValidationFolds = 0, Seed = 9 }).Fit(BootstrapCorpus.Load().Take(200).ToList()),
            "test");

        (await Client(StanceBoardFactory.AnnotatorKey).PostAsync($"/api/models/{candidate.Version}/promote", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Client(StanceBoardFactory.AdminKey).PostAsync("/api/models/no-such-version/promote", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var promoted = await Client(StanceBoardFactory.AdminKey).PostAsync($"/api/models/{candidate.Version}/promote", null);

        promoted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var progress = await WaitForRescoreAsync(candidate.Version);
        progress.GetProperty("state").GetString().ShouldBe("finished");
        progress.GetProperty("done").GetInt64().ShouldBe(progress.GetProperty("total").GetInt64());
        var listed = await Client().GetFromJsonAsync<JsonElement>("/api/pieces");
        listed.EnumerateArray().SelectMany(p => p.GetProperty("targets").EnumerateObject())
            .ShouldAllBe(t => t.Value.GetProperty("modelVersion").GetString() == candidate.Version);

        var rolledBack = await Client(StanceBoardFactory.AdminKey).PostAsync("/api/models/rollback", null);
        (await rolledBack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString().ShouldBe(original);
        (await WaitForRescoreAsync(original)).GetProperty("state").GetString().ShouldBe("finished");
    }

    private async Task<JsonElement> WaitForRescoreAsync(string version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var response = await Client().GetAsync("/api/models/rescore");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (body.GetProperty("modelVersion").GetString() == version && body.GetProperty("state").GetString() != "running")
                {
                    return body;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"re-scoring with {version} did not finish");
    }
}
