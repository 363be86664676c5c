using Microsoft.Data.Sqlite;

namespace StanceBoard.Dashboard.Tests.Cli;

/// <summary>Operator mistakes in paths (--db, --out) give one clear line and exit 1, never a stack trace.</summary>
public sealed class OperatorPathTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-paths-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("folder", "is a folder")]
    [InlineData("notes.txt", "is not a SQLite database")]
    [InlineData("notes.txt/board.db", "which is a file, not a folder")]
    public async Task Verb_DbThatIsNotADatabase_SaysSoInOneLine(string db, string message)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "folder"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "notes.txt"), "These are notes, not a database.\n");

        var status = await CliProcess.RunAsync(_folder, "demo", "status", "--db", db);
        var sources = await CliProcess.RunAsync(_folder, "sources", "list", "--db", db);

        foreach (var result in new[] { status, sources })
        {
            result.ExitCode.ShouldBe(1, result.StdErr);
            result.StdErr.ShouldContain(message);
            result.StdErr.ShouldContain($"'{db}'");
            result.StdErr.ShouldNotContain("   at ");
            result.StdErr.ShouldNotContain("Exception");
        }
    }

    [Fact]
    public async Task Serve_DbThatIsAFolder_StopsWithOneLine()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "folder"));

        var result = await CliProcess.RunAsync(_folder, "serve", "--db", "folder", "--urls", "http://127.0.0.1:0");

        result.ExitCode.ShouldBe(1, result.StdErr);
        result.StdErr.ShouldContain("is a folder");
        result.StdErr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Predict_OutInAMissingFolder_SaysSoWithoutAStackTrace()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "in.csv"), "text,target\nMoscow spoke.,Russia\n");

        var result = await CliProcess.RunAsync(_folder, "predict", "--data", "in.csv", "--out", Path.Combine("missing", "pred.csv"), "--db", "board.db");

        result.ExitCode.ShouldBe(1, result.StdErr);
        result.StdErr.ShouldContain("missing");
        result.StdErr.ShouldNotContain("   at ");
    }
}
