using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace StanceBoard.Dashboard.Tests.Cli;

public sealed class IngestCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, "in", name), text, Encoding.UTF8);

    private void PrepareBatch()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "in"));
        Write("a.txt", "Moscow and the Limits of Mediation\n\nBy Dr Jane Roe\n\nThe Kremlin pressed Baku to stop. Ankara did not.\n\nThe truce failed within hours.");
        Write("b-empty.txt", "");
        File.WriteAllBytes(Path.Combine(_folder, "in", "c-binary.txt"), [0x00, 0x01, 0x02, 0xFF]);
        Write("d.jsonl", "{\"title\":\"J1\",\"text\":\"Erdogan spoke.\",\"published\":\"2020-11-10\"}\n{oops\n{\"title\":\"J3\",\"text\":\"Nothing relevant here.\"}\n");
    }

    [Fact]
    public async Task Ingest_MixedBatch_StoresTheGoodPiecesAndNamesEachBadFile()
    {
        PrepareBatch();

        var result = await CliProcess.RunAsync(_folder, "ingest", "in", "--json", "--db", "board.db");

        result.ExitCode.ShouldBe(1, result.StdErr);
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => l.GetProperty("title").GetString()).ShouldBe(["Moscow and the Limits of Mediation", "J1", "J3"]);
        var first = lines[0];
        first.GetProperty("authors").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Jane Roe"]);
        first.GetProperty("published").ValueKind.ShouldBe(JsonValueKind.Null);
        first.GetProperty("new").GetBoolean().ShouldBeTrue();
        first.GetProperty("targets").EnumerateObject().Select(t => t.Name).ShouldBe(["Azerbaijan", "Russia", "Turkey"], ignoreOrder: true);
        first.GetProperty("targets").GetProperty("Russia").GetProperty("mentions").GetInt32().ShouldBe(1);
        first.GetProperty("targets").GetProperty("Russia").TryGetProperty("stance", out _).ShouldBeTrue();
        lines[2].GetProperty("targets").EnumerateObject().ShouldBeEmpty();
        result.StdErr.ShouldContain("b-empty.txt: the file is empty");
        result.StdErr.ShouldContain("c-binary.txt: it is a binary file");
        result.StdErr.ShouldContain("d.jsonl:2: not valid JSON");
        result.StdErr.ShouldContain("3 stored, 0 already stored, 3 failed.");
        File.Exists(Path.Combine(_folder, "board.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task Ingest_UrlOfAnotherScheme_SaysOnlyHttpIsFetchedAndGoesOnWithTheRest()
    {
        PrepareBatch();

        var result = await CliProcess.RunAsync(_folder, "ingest", "ftp://example.org/piece.txt", "in/a.txt", "--json", "--db", "board.db");

        result.ExitCode.ShouldBe(1, result.StdErr);
        result.StdErr.ShouldContain("ftp://example.org/piece.txt: only http and https URLs can be fetched");
        result.StdErr.ShouldNotContain("no such file");
        JsonDocument.Parse(result.StdOut).RootElement.GetProperty("title").GetString().ShouldBe("Moscow and the Limits of Mediation");
        result.StdErr.ShouldContain("1 stored, 0 already stored, 1 failed.");
    }

    [Fact]
    public async Task Ingest_SameFilesTwice_SecondRunStoresNothingNew()
    {
        PrepareBatch();
        await CliProcess.RunAsync(_folder, "ingest", "in/a.txt", "--json", "--db", "board.db");

        var again = await CliProcess.RunAsync(_folder, "ingest", "in/a.txt", "--json", "--db", "board.db");

        again.ExitCode.ShouldBe(0, again.StdErr);
        JsonDocument.Parse(again.StdOut).RootElement.GetProperty("new").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("ingest", "x.txt", "--db")]
    [InlineData("frobnicate")]
    public async Task BadUsage_ExitsWith2AndPointsAtHelp(params string[] args)
    {
        var result = await CliProcess.RunAsync(_folder, args);

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("--help");
    }

    [Fact]
    public async Task Help_ShowsExamples()
    {
        var result = await CliProcess.RunAsync(_folder, "ingest", "--help");

        result.ExitCode.ShouldBe(0);
        result.StdOut.ShouldContain("Examples:");
        result.StdOut.ShouldContain("--json");
    }

    [Fact]
    public async Task Ingest_QuoteOnlyBylines_StoresEveryPieceOfTheBatch()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "in"));
        Write("q.jsonl", string.Join('\n',
            "{\"title\":\"Q1\",\"text\":\"Moscow spoke first.\",\"authors\":[\"Jane ' Doe\"]}",
            "{\"title\":\"Q2\",\"text\":\"Ankara spoke next.\",\"authors\":[\"'\"]}",
            "{\"title\":\"Q3\",\"text\":\"Baku spoke last.\",\"authors\":\"\\u2018 Smith\"}") + "\n");
        Write("q.txt", "Quotes in a byline\n\nBy \"\"\n\nThe Kremlin and Baku both claimed the result.");

        var result = await CliProcess.RunAsync(_folder, "ingest", "in", "--json", "--db", "board.db");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("title").GetString())
            .ShouldBe(["Q1", "Q2", "Q3", "Quotes in a byline"]);
        result.StdErr.ShouldContain("4 stored, 0 already stored, 0 failed.");
    }
}
