using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace StanceBoard.Dashboard.Tests.Cli;

/// <summary>The <c>users</c> and <c>labels</c> verbs, run as the real executable.</summary>
public sealed class UsersAndLabelsCommandTests : IDisposable
{
    private const string Password = "cli admin passphrase";
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-users-cli-").FullName;

    private string Db => Path.Combine(_folder, "board.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Users_AddListDisableResetPassword_PasswordNeverPrinted()
    {
        var added = await CliProcess.RunWithInputAsync(_folder, Password + "\n", "users", "add", "ops admin", "--role", "admin", "--password-stdin", "--db", Db);
        var annotator = await CliProcess.RunWithInputAsync(_folder, "another passphrase\n", "users", "add", "anna", "--role", "annotator", "--password-stdin", "--db", Db);
        var list = await CliProcess.RunAsync(_folder, "users", "list", "--json", "--db", Db);
        var disabled = await CliProcess.RunAsync(_folder, "users", "disable", "anna", "--db", Db);
        var reset = await CliProcess.RunWithInputAsync(_folder, "a third passphrase\n", "users", "reset-password", "anna", "--password-stdin", "--db", Db);

        added.ExitCode.ShouldBe(0, added.StdErr);
        annotator.ExitCode.ShouldBe(0, annotator.StdErr);
        JsonDocument.Parse(added.StdOut).RootElement.GetProperty("role").GetString().ShouldBe("admin");
        var accounts = list.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        accounts.Select(a => a.GetProperty("name").GetString()).ShouldBe(["anna", "ops admin"]);
        disabled.ExitCode.ShouldBe(0, disabled.StdErr);
        JsonDocument.Parse(disabled.StdOut).RootElement.GetProperty("disabled").GetBoolean().ShouldBeTrue();
        reset.ExitCode.ShouldBe(0, reset.StdErr);
        foreach (var run in new[] { added, annotator, list, disabled, reset })
        {
            (run.StdOut + run.StdErr).ShouldNotContain(Password);
            (run.StdOut + run.StdErr).ShouldNotContain("passphrase");
        }
    }

    [Fact]
    public async Task Users_BadInput_ExitCodeTwoSayingWhat()
    {
        var shortPassword = await CliProcess.RunWithInputAsync(_folder, "short\n", "users", "add", "bob", "--role", "annotator", "--password-stdin", "--db", Db);
        var badRole = await CliProcess.RunWithInputAsync(_folder, Password + "\n", "users", "add", "bob", "--role", "owner", "--password-stdin", "--db", Db);
        var noStdin = await CliProcess.RunWithInputAsync(_folder, Password + "\n", "users", "add", "bob", "--role", "annotator", "--db", Db);
        var unknown = await CliProcess.RunAsync(_folder, "users", "disable", "nobody", "--db", Db);

        shortPassword.ExitCode.ShouldBe(2);
        shortPassword.StdErr.ShouldContain("at least 10 characters");
        badRole.ExitCode.ShouldBe(2);
        noStdin.ExitCode.ShouldBe(2);
        noStdin.StdErr.ShouldContain("--password-stdin");
        unknown.ExitCode.ShouldBe(1);
        unknown.StdErr.ShouldContain("no account named 'nobody'");
    }

    [Fact]
    public async Task Labels_ImportReportsBadRowsByLine_ExportWritesWhatTrainReads()
    {
        var input = Path.Combine(_folder, "in.csv");
        await File.WriteAllTextAsync(input, string.Join('\n',
            "text,target,stance,annotator",
            "Moscow deserves praise for the talks.,Russia,favor,alice",
            "Ankara must answer for the drones.,Turkey,against,",
            "Baku spoke.,Armenia,none,alice",
            "Baku spoke.,Azerbaijan,sideways,alice",
            ""));
        var output = Path.Combine(_folder, "out.csv");

        var imported = await CliProcess.RunAsync(_folder, "labels", "import", input, "--annotator", "carol", "--db", Db);
        var exported = await CliProcess.RunAsync(_folder, "labels", "export", "--out", output, "--db", Db);
        var trained = await CliProcess.RunAsync(_folder, "train", "--data", output, "--out", Path.Combine(_folder, "m.model"), "--c", "1");

        imported.ExitCode.ShouldBe(1); // part of the batch failed
        imported.StdErr.ShouldContain("in.csv:4: Unknown target 'Armenia'");
        imported.StdErr.ShouldContain("in.csv:5: unknown stance 'sideways'");
        var report = JsonDocument.Parse(imported.StdOut.Trim().Split('\n')[^1]).RootElement;
        report.GetProperty("imported").GetInt32().ShouldBe(2);
        exported.ExitCode.ShouldBe(0, exported.StdErr);
        var lines = await File.ReadAllLinesAsync(output);
        lines[0].ShouldStartWith("text,target,stance,piece_id,annotator,time");
        lines.Length.ShouldBe(3);
        lines.ShouldContain(l => l.Contains(",carol,", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains(",alice,", StringComparison.Ordinal));
        trained.ExitCode.ShouldBe(0, trained.StdErr);
        JsonDocument.Parse(trained.StdOut.Trim().Split('\n')[^1]).RootElement.GetProperty("examples").GetInt32().ShouldBe(2);
    }
}
