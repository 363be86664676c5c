using System.Text.Json;
using Microsoft.Data.Sqlite;
using StanceBoard.Dashboard.Tests.Sources;

namespace StanceBoard.Dashboard.Tests.Cli;

/// <summary>The real executable: <c>sources add|list|show|remove</c> and <c>ingest &lt;url&gt;</c> against a loopback site.</summary>
public sealed class SourcesAndUrlIngestTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-cli-web-").FullName;
    private FeedSite _site = null!;

    public async Task InitializeAsync() => _site = await FeedSite.StartAsync(1, 2);

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Ingest_FeedAndArticleUrls_OneJsonLinePerItemAndNewFalseTheSecondTime()
    {
        var first = await RunAsync("ingest", _site.FeedUrl.AbsoluteUri, _site.ArticleUrl(7).AbsoluteUri, new Uri(_site.BaseUrl, "missing").AbsoluteUri, "--json", "--db", "board.db");
        var second = await RunAsync("ingest", _site.ArticleUrl(1).AbsoluteUri, "--json", "--db", "board.db");

        first.ExitCode.ShouldBe(1, "one URL failed");
        var lines = Lines(first.StdOut);
        lines.Select(l => l.GetProperty("title").GetString()).Order().ShouldBe(["Loopback article 1", "Loopback article 2", "Loopback article 7"]);
        lines.ShouldAllBe(l => l.GetProperty("new").GetBoolean());
        lines[0].GetProperty("authors").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Anna Petrosyan"]);
        lines[0].GetProperty("id").GetInt64().ShouldBeGreaterThan(0);
        first.StdErr.ShouldContain("/missing");
        first.StdErr.ShouldContain("404");
        second.ExitCode.ShouldBe(0, second.StdErr);
        var again = Lines(second.StdOut).ShouldHaveSingleItem();
        again.GetProperty("new").GetBoolean().ShouldBeFalse();
        again.GetProperty("id").GetInt64().ShouldBe(lines.Single(l => l.GetProperty("title").GetString() == "Loopback article 1").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Ingest_UrlWithGuardOn_RefusedAsSsrf()
    {
        var result = await RunAsync(allowPrivate: false, "ingest", _site.ArticleUrl(1).AbsoluteUri, "--db", "board.db");

        result.ExitCode.ShouldBe(1);
        result.StdErr.ShouldContain("not a public address");
        _site.Hits("/articles/1").ShouldBe(0);
    }

    [Fact]
    public async Task Sources_AddListShowRemove()
    {
        var added = await RunAsync("sources", "add", _site.FeedUrl.AbsoluteUri, "--name", "Loopback", "--interval", "15", "--json", "--db", "board.db");
        var duplicate = await RunAsync("sources", "add", _site.FeedUrl.AbsoluteUri, "--db", "board.db");
        var bad = await RunAsync("sources", "add", "ftp://example.org/feed", "--db", "board.db");
        var list = await RunAsync("sources", "list", "--json", "--db", "board.db");
        var id = Lines(added.StdOut).Single().GetProperty("id").GetInt64();
        var show = await RunAsync("sources", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", "board.db");
        var removed = await RunAsync("sources", "remove", _site.FeedUrl.AbsoluteUri, "--db", "board.db");
        var after = await RunAsync("sources", "list", "--json", "--db", "board.db");

        added.ExitCode.ShouldBe(0, added.StdErr);
        Lines(added.StdOut).Single().GetProperty("poll_interval_minutes").GetInt32().ShouldBe(15);
        duplicate.ExitCode.ShouldBe(1);
        duplicate.StdErr.ShouldContain("already exists");
        bad.ExitCode.ShouldBe(2);
        bad.StdErr.ShouldContain("url");
        Lines(list.StdOut).Where(l => l.GetProperty("origin").GetString() == "user").ShouldHaveSingleItem().GetProperty("name").GetString().ShouldBe("Loopback");
        JsonDocument.Parse(show.StdOut).RootElement.GetProperty("source").GetProperty("id").GetInt64().ShouldBe(id);
        removed.ExitCode.ShouldBe(0, removed.StdErr);
        Lines(after.StdOut).ShouldNotContain(l => l.GetProperty("origin").GetString() == "user");
    }

    private static List<JsonElement> Lines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    private Task<CliProcess.Result> RunAsync(params string[] args) => RunAsync(true, args);

    private Task<CliProcess.Result> RunAsync(bool allowPrivate, params string[] args) =>
        CliProcess.RunAsync(
            _folder,
            new Dictionary<string, string>
            {
                ["Ingestion__AllowPrivateNetworks"] = allowPrivate ? "true" : "false",
                ["Ingestion__Fetch__Politeness"] = "false",
                ["Ingestion__Fetch__MaxRetries"] = "0",
            },
            args);
}
