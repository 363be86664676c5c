using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace StanceBoard.Scale.Tests.MultiProcess;

/// <summary>
/// The board when PostgreSQL is wrong or away: a bad connection string is named (never its
/// password), a server down at start gives 503s that say why until it comes up, and a server lost
/// mid-run fails requests cleanly (503, nothing half-stored) and is used again when it returns.
/// </summary>
public sealed class PostgresFaultTests : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private string _database = null!;
    private TcpProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        var real = new NpgsqlConnectionStringBuilder(_database);
        _proxy = new TcpProxy(BoardProcess.FreePort(), new IPEndPoint(IPAddress.Loopback, real.Port));
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_database);
    }

    private Dictionary<string, string> ThroughProxy(string password = "")
    {
        var builder = new NpgsqlConnectionStringBuilder(_database) { Port = _proxy.Port, Timeout = 3 };
        if (password.Length > 0)
        {
            builder.Password = password;
        }

        return BoardProcess.Settings(builder.ConnectionString);
    }

    [Fact]
    public async Task Serve_MalformedConnectionString_NamesTheSettingAndNeverPrintsThePassword()
    {
        var settings = BoardProcess.Settings("Host=127.0.0.1;Password=s3cret-Pa55;Prot=5432");
        await using var board = BoardProcess.Serve(settings);

        var exit = await board.WaitForExitAsync(StartTimeout);

        exit.ShouldBe(1);
        board.Output.ShouldContain("ConnectionStrings:StanceBoard");
        board.Output.ShouldNotContain("s3cret-Pa55");
    }

    [Fact]
    public async Task Serve_PostgresDownAtStart_Answers503SayingWhyThenComesUpWhenItIsBack()
    {
        await using var board = BoardProcess.Serve(ThroughProxy(password: "s3cret-Pa55"));
        await board.WaitStartedAsync(StartTimeout);
        using var client = board.CreateClient();

        var health = await client.GetAsync("/api/health");
        var pieces = await client.GetAsync("/api/pieces");

        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync()).ShouldContain("postgres");
        pieces.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await pieces.Content.ReadAsStringAsync()).ShouldContain("ConnectionStrings:StanceBoard");
        board.Output.ShouldContain("Retrying in");
        board.Output.ShouldNotContain("s3cret-Pa55");

        _proxy.Start();
        await Eventually.WaitAsync(async () => (await client.GetAsync("/api/health")).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(120), s => $"health {s}\n{board.Output}");
        (await PostPieceAsync(client, "Back again")).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Serve_PostgresLostMidRun_FailsRequestsCleanlyAndKeepsWhatWasAcknowledged()
    {
        _proxy.Start();
        await using var board = BoardProcess.Serve(ThroughProxy());
        await board.WaitStartedAsync(StartTimeout);
        using var client = board.CreateClient();
        var before = await PostPieceAsync(client, "Before the outage");
        before.StatusCode.ShouldBe(HttpStatusCode.Created);
        var beforeId = (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        _proxy.Stop();
        var during = await PostPieceAsync(client, "During the outage");
        var health = await client.GetAsync("/api/health");

        during.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await during.Content.ReadAsStringAsync()).ShouldContain("not available");
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        _proxy.Start();
        var after = await Eventually.WaitAsync(() => PostPieceAsync(client, "During the outage"), r => r.StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(60), r => r.StatusCode.ToString());
        (await client.GetAsync($"/api/pieces/{beforeId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64().ShouldBeGreaterThan(beforeId);
        board.HasExited.ShouldBeFalse();
    }

    private static Task<HttpResponseMessage> PostPieceAsync(HttpClient client, string title) =>
        client.PostAsJsonAsync("/api/pieces", new
        {
            title,
            text = $"{title}: Moscow and Ankara argued over the ceasefire line while Baku waited for the monitors to arrive.",
            authors = new[] { "Jane Roe" },
            outlet = "Fault Review",
            published = "2020-11-12",
        });
}
