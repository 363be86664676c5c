using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Sources;

/// <summary>The background poller against a loopback feed: pieces scored and pushed, 304s, restarts without re-ingesting.</summary>
public sealed class SourcePollingTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-polling-").FullName;
    private FeedSite _site = null!;

    public async Task InitializeAsync() => _site = await FeedSite.StartAsync(1, 2, 3);

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Poll_NewFeed_StoresScoresAndLogsEachArticleThenRestartsWithoutReingesting()
    {
        long sourceId;
        using (var app = IngestionFactory.Create(_folder))
        {
            var admin = Admin(app);
            var created = await (await admin.PostAsJsonAsync("/api/sources", new { url = _site.FeedUrl.AbsoluteUri, name = "Loopback" })).Content.ReadFromJsonAsync<JsonElement>();
            sourceId = created.GetProperty("id").GetInt64();
            (await admin.PostAsync($"/api/sources/{sourceId}/poll", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted);

            var pieces = await WaitForPiecesAsync(app.CreateClient(), 3);
            var detail = await WaitForAsync(app.CreateClient(), sourceId, d => d.GetProperty("source").GetProperty("health").GetProperty("lastSuccess").ValueKind == JsonValueKind.String);

            pieces.Select(p => p.GetProperty("title").GetString()).Order().ShouldBe(["Loopback article 1", "Loopback article 2", "Loopback article 3"]);
            pieces.ShouldAllBe(p => p.GetProperty("outlet").GetString() == "Loopback Review");
            pieces.Count(p => p.GetProperty("targets").TryGetProperty("Russia", out var russia)).ShouldBe(3);
            pieces.ShouldAllBe(p => !p.GetProperty("url").GetString()!.Contains("utm_source"));
            var log = detail.GetProperty("fetchLog").EnumerateArray().ToList();
            log.Count(l => l.GetProperty("url").GetString()!.Contains("/articles/")).ShouldBe(3);
            log.ShouldContain(l => l.GetProperty("url").GetString() == _site.FeedUrl.AbsoluteUri && l.GetProperty("status").GetInt32() == 200);
            detail.GetProperty("source").GetProperty("health").GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);

            await admin.PostAsync($"/api/sources/{sourceId}/poll", null);
            var again = await WaitForAsync(app.CreateClient(), sourceId, d => d.GetProperty("fetchLog").EnumerateArray().Any(l => l.GetProperty("errorKind").GetString() == "NotModified"));
            again.GetProperty("fetchLog").EnumerateArray().First().GetProperty("status").GetInt32().ShouldBe(304);
        }

        // A restart, and the validators lost as if the process died before saving them: nothing is stored twice.
        using (var db = new SqliteConnection($"Data Source={Path.Combine(_folder, "board.db")}"))
        {
            db.Open();
            using var delete = db.CreateCommand();
            delete.CommandText = "DELETE FROM url_validators";
            delete.ExecuteNonQuery();
        }

        _site.Articles.Add(4);
        using (var restarted = IngestionFactory.Create(_folder))
        {
            var admin = Admin(restarted);
            var before = (await restarted.CreateClient().GetFromJsonAsync<JsonElement>($"/api/sources/{sourceId}")).GetProperty("source").GetProperty("health").GetProperty("lastAttempt").GetString();
            await admin.PostAsync($"/api/sources/{sourceId}/poll", null);
            var pieces = await WaitForPiecesAsync(restarted.CreateClient(), 4);

            // The poll is recorded once every item was handled: after that, nothing more is stored.
            await WaitForAsync(restarted.CreateClient(), sourceId, d => d.GetProperty("source").GetProperty("health").GetProperty("lastAttempt").GetString() != before);

            (await restarted.CreateClient().GetFromJsonAsync<JsonElement[]>("/api/pieces"))!.Length.ShouldBe(4);
            pieces.ShouldContain(p => p.GetProperty("title").GetString() == "Loopback article 4");
            _site.Hits("/articles/1").ShouldBe(1, "a known URL is not fetched again");
        }
    }

    [Fact]
    public async Task Poll_NewPiece_IsPushedAsPieceScored()
    {
        using var app = IngestionFactory.Create(_folder);
        var wsUri = new UriBuilder(new Uri(app.Server.BaseAddress, "hubs/stance")) { Scheme = "ws" }.Uri;
        await using var hub = await HubTestClient.ConnectAsync(ct => app.Server.CreateWebSocketClient().ConnectAsync(wsUri, ct));
        var admin = Admin(app);
        var created = await (await admin.PostAsJsonAsync("/api/sources", new { url = _site.ArticleUrl(2).AbsoluteUri, kind = "article" })).Content.ReadFromJsonAsync<JsonElement>();
        await admin.PostAsync($"/api/sources/{created.GetProperty("id").GetInt64()}/poll", null);

        var pushed = await hub.WaitForAsync("pieceScored", Patience);

        pushed.GetProperty("title").GetString().ShouldBe("Loopback article 2");
        pushed.GetProperty("authors").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Anna Petrosyan"]);
    }

    [Fact]
    public async Task Poll_FeedWithQuoteOnlyBylines_StoresEveryArticleAndShowsNoRawException()
    {
        _site.Bylines[1] = "'";
        _site.Bylines[2] = "Jane ' Doe";
        _site.Bylines[3] = "\u2018 \u201d";
        using var app = IngestionFactory.Create(_folder);
        var admin = Admin(app);
        var created = await (await admin.PostAsJsonAsync("/api/sources", new { url = _site.FeedUrl.AbsoluteUri, name = "Quotes" })).Content.ReadFromJsonAsync<JsonElement>();
        var sourceId = created.GetProperty("id").GetInt64();
        (await admin.PostAsync($"/api/sources/{sourceId}/poll", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted);

        var detail = await WaitForAsync(app.CreateClient(), sourceId, d => d.GetProperty("source").GetProperty("health").GetProperty("lastAttempt").ValueKind == JsonValueKind.String);

        detail.GetProperty("source").GetProperty("health").GetProperty("lastSuccess").ValueKind.ShouldBe(JsonValueKind.String, detail.ToString());
        var pieces = (await app.CreateClient().GetFromJsonAsync<JsonElement[]>("/api/pieces"))!;
        pieces.Select(p => p.GetProperty("title").GetString()).Order().ShouldBe(["Loopback article 1", "Loopback article 2", "Loopback article 3"]);
        var list = await app.CreateClient().GetStringAsync("/api/sources");
        list.ShouldNotContain("Exception");
        list.ShouldNotContain("Parameter");
    }

    private static HttpClient Admin(StanceBoardFactory app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", StanceBoardFactory.AdminKey);
        return client;
    }

    // How long a condition may take: the first poll waits for the default model, per-host politeness
    // and scoring while other test classes share the 2 cores, which took over 15 s in one CI run.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static async Task<JsonElement[]> WaitForPiecesAsync(HttpClient client, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            var pieces = await client.GetFromJsonAsync<JsonElement[]>("/api/pieces");
            if (pieces!.Length >= count)
            {
                return pieces;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Fewer than {count} pieces were stored in {Patience.TotalSeconds} s.");
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, long sourceId, Func<JsonElement, bool> condition)
    {
        var detail = default(JsonElement);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            detail = await client.GetFromJsonAsync<JsonElement>($"/api/sources/{sourceId}");
            if (condition(detail))
            {
                return detail;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Source {sourceId} did not reach the expected state: {detail}");
    }
}
