using System.CommandLine;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Hosting;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Cli;

/// <summary>
/// The command line: <c>serve</c> (the default) and the verbs. Exit codes: 0 success,
/// 1 failure (including partial failure of a batch), 2 bad usage.
/// Machine-readable output goes to stdout, progress and logs to stderr.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);

        // No verb (or only host options such as --urls): serve. This is also how tests start the app.
        if (args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("-h" or "--help" or "-?" or "--version")))
        {
            return await ServeAsync(args);
        }

        var root = BuildRoot(args.Length > 1 ? args[1..] : []);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
            }

            // The whole verb path ("sources show"), not just the innermost command's name.
            var names = new List<string>();
            for (var result = parse.CommandResult; result is not null && result.Command != root; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            {
                names.Insert(0, result.Command.Name);
            }

            var verb = names.Count == 0 ? string.Empty : " " + string.Join(' ', names);
            await Console.Error.WriteLineAsync($"Run 'stanceboard{verb} --help' for usage.");
            return Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"error: invalid configuration: {string.Join("; ", ex.Failures)}");
            return Failure;
        }
        catch (ConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return Failure;
        }
        catch (InvalidOperationException ex) when (IsBindingError(ex))
        {
            await Console.Error.WriteLineAsync($"error: invalid configuration: {ex.Message}");
            return Failure;
        }
        catch (Exception ex) when (StoreErrors.IsUnavailable(ex))
        {
            // PostgreSQL down or unreachable, a wrong password or user, a missing database: one line naming the server (no password) and the cause.
            await Console.Error.WriteLineAsync($"error: cannot use {CliHost.StoreDescription ?? "the store"}: {StoreErrors.Describe(ex)}");
            return Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An output path that cannot be written (a folder, a missing folder, no permission).
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return Failure;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A defect, not bad input: the whole exception, as the default handler printed it.
            await Console.Error.WriteLineAsync($"Unhandled exception: {ex}");
            return Failure;
        }
    }

    internal static RootCommand BuildRoot(string[] serveArgs)
    {
        var root = new RootCommand("""
            StanceBoard: where commentary authors and outlets stand towards the actors of a conflict.
            With no verb, serves the dashboard (same as 'serve').
            """);
        root.Subcommands.Add(ServeCommand.Create(serveArgs));
        root.Subcommands.Add(WorkerCommand.Create(serveArgs));
        root.Subcommands.Add(StoreCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(SourcesCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(ChartCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(LabelsCommand.Create());
        return root;
    }

    internal static async Task<int> ServeAsync(string[] args)
    {
        try
        {
            var app = WebApp.Build(args);

            // Settings and the database are checked here, so a bad one is one line on stderr, not a
            // stack trace logged by the host.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            app.Services.GetRequiredService<StanceBoard.Analysis.Targets.TargetCatalog>();
            if (!StorageServices.IsPostgres(app.Configuration))
            {
                // PostgreSQL is migrated by the start-up tasks, which wait for a server that is down (503s until then).
                await app.Services.GetRequiredService<IStanceStore>().MigrateAsync();
            }
            else if (await StorePreflight.CheckAsync(app.Services, CancellationToken.None) is { } problem)
            {
                // A wrong password or a missing database is not waited for: retrying cannot fix it.
                await Console.Error.WriteLineAsync($"error: {problem}");
                return Failure;
            }

            await app.RunAsync();
            return Ok;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"error: invalid configuration: {string.Join("; ", ex.Failures)}");
            return Failure;
        }
        catch (ConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return Failure;
        }
        catch (InvalidOperationException ex) when (IsBindingError(ex))
        {
            await Console.Error.WriteLineAsync($"error: invalid configuration: {ex.Message}");
            return Failure;
        }
    }

    /// <summary>A setting that cannot be converted to its type (<c>--Demo:IntervalMilliseconds=soon</c>).</summary>
    private static bool IsBindingError(InvalidOperationException ex) =>
        ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal);
}
