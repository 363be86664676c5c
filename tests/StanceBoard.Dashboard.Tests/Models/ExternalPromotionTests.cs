using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Tests.Cli;
using StanceBoard.Ingestion;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Models;

/// <summary>A running dashboard on SQLite while <c>train --promote</c> runs as another process on its database.</summary>
public sealed class ExternalPromotionTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly StanceBoardFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task TrainPromoteInAnotherProcess_DashboardScoresWithTheNewModelAndRedrawsItsCharts()
    {
        var server = _factory.Server;
        await _factory.Services.GetRequiredService<StoreReadiness>().WaitAsync(CancellationToken.None).WaitAsync(Patience);
        var scorers = _factory.Services.GetRequiredService<ScorerProvider>();
        var before = scorers.Current.Model!.Version;
        await _factory.Services.GetRequiredService<IStanceStore>().AddScoredPieceAsync(new Piece { Title = "Stored before", Text = "Ankara sent drones to Baku." }, []);
        var wsUri = new UriBuilder(new Uri(server.BaseAddress, "hubs/stance")) { Scheme = "ws" }.Uri;
        await using var hub = await HubTestClient.ConnectAsync(ct => server.CreateWebSocketClient().ConnectAsync(wsUri, ct));
        WriteLabels(Path.Combine(_factory.Folder, "labels.csv"));

        var trained = await CliProcess.RunAsync(_factory.Folder, "train", "--data", "labels.csv", "--db", _factory.DatabasePath, "--promote", "--features", "ngrams", "--c", "0.3", "--seed", "9");

        trained.ExitCode.ShouldBe(0, trained.StdErr);
        var version = JsonDocument.Parse(trained.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement.GetProperty("model_version").GetString()!;
        version.ShouldNotBe(before);

        // The charts hear that the other process's re-scoring ended.
        var finished = await hub.WaitForAsync("rescoreProgress", Patience, m => m.GetProperty("modelVersion").GetString() == version);
        finished.GetProperty("state").GetString().ShouldBe("finished");
        finished.GetProperty("done").GetInt64().ShouldBeGreaterThanOrEqualTo(1);

        // The scorer follows (the watcher acts on a change it has seen twice, a second apart).
        var deadline = DateTime.UtcNow + Patience;
        while (scorers.Current.Model!.Version != version)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the dashboard never loaded the model the other process promoted");
            await Task.Delay(50);
        }

        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", StanceBoardFactory.AdminKey);
        var title = "After " + Guid.NewGuid().ToString("N");
        var posted = await client.PostAsJsonAsync("/api/pieces", new { title, text = $"Moscow's mediators deserve credit. {title}", authors = new[] { "Ann Lee" }, outlet = "Example" });
        posted.EnsureSuccessStatusCode();
        var scored = await hub.WaitForAsync("pieceScored", Patience, m => m.GetProperty("title").GetString() == title);
        scored.GetProperty("targets").GetProperty("Russia").GetProperty("modelVersion").GetString().ShouldBe(version);
    }

    private static void WriteLabels(string path)
    {
        var builder = new StringBuilder("text,target,stance\n");
        foreach (var e in BootstrapCorpus.Load().Take(300))
        {
            builder.Append(CultureInfo.InvariantCulture, $"\"{e.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{e.Target},{StanceText.ToText(e.Stance)}\n");
        }

        File.WriteAllText(path, builder.ToString());
    }
}
