using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Dapper;
using Npgsql;
using StanceBoard.Benchmarks.Ingestion;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion.Sources;
using StanceBoard.Scale.Tests.Storage;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Scale.Tests.MultiProcess;

/// <summary>
/// Several real processes on one PostgreSQL database: two <c>serve</c> instances and workers.
/// Pieces reach pages on other instances, a worker killed with SIGKILL loses nothing, and two
/// workers on the same feeds store each article once.
/// </summary>
public sealed class MultiInstanceTests : ProcessesOnOneDatabase
{


    [Fact]
    public async Task PostPiece_ToInstanceA_ReachesAPageConnectedToInstanceB()
    {
        var settings = BoardProcess.Settings(Database);
        var a = Track(BoardProcess.Serve(settings));
        await a.WaitStartedAsync(StartTimeout);
        var b = Track(BoardProcess.Serve(settings));
        var worker = Track(BoardProcess.Worker(settings));
        await Task.WhenAll(b.WaitStartedAsync(StartTimeout), worker.WaitStartedAsync(StartTimeout));
        var hubUrl = new Uri(b.BaseUrl!, "hubs/stance").AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal);
        await using var page = await HubTestClient.ConnectAsync(async ct =>
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(hubUrl), ct);
            return socket;
        });
        using var client = a.CreateClient();

        var response = await client.PostAsJsonAsync("/api/pieces", new
        {
            title = "Across instances",
            text = "Moscow and Ankara traded accusations while Baku pressed on, and the Kremlin stayed quiet about the talks.",
            authors = new[] { "Jane Roe" },
            outlet = "Scale Review",
            published = "2020-10-14",
        });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var pushed = await page.WaitForAsync("pieceScored", TimeSpan.FromSeconds(30), p => p.GetProperty("id").GetInt64() == id);
        pushed.GetProperty("title").GetString().ShouldBe("Across instances");
        pushed.GetProperty("targets").TryGetProperty("Russia", out _).ShouldBeTrue();
        (await b.CreateClient(admin: false).GetFromJsonAsync<JsonElement>($"/api/pieces/{id}")).GetProperty("piece").GetProperty("id").GetInt64().ShouldBe(id);
        a.Output.ShouldContain("Applied migration 1");
        b.Output.ShouldNotContain("Applied migration", Case.Sensitive);
    }

    [Fact]
    public async Task Worker_KilledMidPoll_LosesNothingAndAnotherTakesItsSourcesOver()
    {
        await using var news = await FaultyNewsServer.StartAsync(hosts: 4, articlesPerFeed: 20, seed: 3);
        var settings = BoardProcess.Settings(Database);
        settings["Ingestion__Polling__LeaseDuration"] = "00:00:03";
        settings["Ingestion__Fetch__PerHostRequestsPerSecond"] = "4";
        settings["Ingestion__Fetch__PerHostBurst"] = "1";
        settings["Ingestion__Fetch__RetryBaseDelay"] = "00:00:00.050";
        var first = Track(BoardProcess.Worker(settings));
        await first.WaitStartedAsync(StartTimeout);
        await AddDueSourcesAsync(news.Hosts.Select(h => new Uri(h, "feeds/0.xml")));

        // Kill it while its polls are under way: some articles stored, the rest still to fetch.
        await Eventually.WaitAsync(() => CountAsync("SELECT COUNT(*) FROM pieces"), n => n >= 8, TimeSpan.FromSeconds(60), n => $"{n} pieces");
        await first.KillHardAsync();
        var storedAtKill = await CountAsync("SELECT COUNT(*) FROM pieces");
        var stillLeased = await CountAsync("SELECT COUNT(*) FROM sources WHERE lease_owner IS NOT NULL");
        var second = Track(BoardProcess.Worker(settings));

        await Eventually.WaitAsync(() => CountAsync("SELECT COUNT(*) FROM sources WHERE last_success_utc IS NOT NULL AND lease_owner IS NULL"), n => n == 4, TimeSpan.FromSeconds(180), n => $"{n}/4 sources polled to the end\n{second.Output}");
        storedAtKill.ShouldBeLessThan(80);
        stillLeased.ShouldBeGreaterThan(0);
        (await CountAsync("SELECT COUNT(*) FROM pieces")).ShouldBe(80);
        (await CountAsync("SELECT COUNT(DISTINCT url) FROM pieces")).ShouldBe(80);
        second.Output.ShouldContain("Took over source");
    }

    [Fact]
    public async Task TwoWorkers_PollingTheSame20Feeds_StoreEachArticleOnce()
    {
        await using var news = await FaultyNewsServer.StartAsync(hosts: 20, articlesPerFeed: 10, seed: 5);
        var settings = BoardProcess.Settings(Database);
        settings["Ingestion__Fetch__Politeness"] = "false";
        settings["Ingestion__Fetch__RetryBaseDelay"] = "00:00:00.050";
        var one = Track(BoardProcess.Worker(settings));
        var two = Track(BoardProcess.Worker(settings));
        await Task.WhenAll(one.WaitStartedAsync(StartTimeout), two.WaitStartedAsync(StartTimeout));

        await AddDueSourcesAsync(news.Hosts.Select(h => new Uri(h, "feeds/0.xml")));
        await Eventually.WaitAsync(() => CountAsync("SELECT COUNT(*) FROM sources WHERE last_success_utc IS NOT NULL"), n => n == 20, TimeSpan.FromSeconds(180), n => $"{n}/20 feeds polled\n{Tail(one.Output)}\n{Tail(two.Output)}");

        // Both due again at once: each worker leases what the other has not, and the unique keys settle any race.
        await ExecuteAsync("UPDATE sources SET next_poll_utc = now() - interval '1 minute'");
        await ExecuteAsync("DELETE FROM url_validators");
        await Eventually.WaitAsync(() => CountAsync("SELECT COUNT(*) FROM sources WHERE next_poll_utc > now()"), n => n == 20, TimeSpan.FromSeconds(180), n => $"{n}/20 feeds polled again");
        (await CountAsync("SELECT COUNT(*) FROM pieces")).ShouldBe(200);
        (await CountAsync("SELECT COUNT(DISTINCT url) FROM pieces")).ShouldBe(200);
        (await CountAsync("SELECT COUNT(DISTINCT content_hash) FROM pieces")).ShouldBe(200);
    }

    private async Task AddDueSourcesAsync(IEnumerable<Uri> feeds)
    {
        await using var stores = StoreSet.Create(
            new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", [StorageOptions.ConnectionStringKey] = Database },
            () => Task.CompletedTask);
        var due = DateTimeOffset.UtcNow.AddMinutes(-1);
        foreach (var feed in feeds)
        {
            var source = await stores.Sources.AddSourceAsync(new NewSource(feed.AbsoluteUri, feed.Authority, SourceKind.Auto, null, TimeSpan.FromMinutes(30), true));
            await stores.Sources.RecordPollAsync(source!.Id, source.Health, due);
        }
    }

    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(40));

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.ExecuteAsync(sql);
    }
}
