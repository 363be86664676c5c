using System.CommandLine;
using StanceBoard.Dashboard.Apis;
using StanceBoard.Dashboard.Demo;

namespace StanceBoard.Dashboard.Cli;

/// <summary><c>demo status|clear [--db PATH]</c>: the first-run demo data.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", """
            Show or clear the demo pieces replayed on a first run (fictional authors and outlets).
            Once cleared, the demo does not replay into that database again.

            Examples:
              stanceboard demo status
              stanceboard demo clear --db data/stanceboard.db
            """);
        command.Subcommands.Add(Verb("status", "Print the demo state as JSON.", async (demo, ct) =>
        {
            CliOutput.WriteJsonLine(await demo.GetStatusAsync(ct));
            return CliApp.Ok;
        }));
        command.Subcommands.Add(Verb("clear", "Delete the demo pieces and keep the demo off for this database.", async (demo, ct) =>
        {
            var deleted = await demo.ClearAsync(ct);
            CliOutput.WriteJsonLine(new DemoCleared(deleted));
            CliOutput.Info($"Deleted {deleted} demo piece(s); the demo will not replay into this database again.");
            return CliApp.Ok;
        }));
        return command;
    }

    private static Command Verb(string name, string description, Func<DemoControl, CancellationToken, Task<int>> run)
    {
        var db = CliOptions.Database();
        var command = new Command(name, description) { db };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(parse.GetValue(db), verbose: false, cancellationToken);
            return await run(host.Services.GetRequiredService<DemoControl>(), cancellationToken);
        });
        return command;
    }
}
