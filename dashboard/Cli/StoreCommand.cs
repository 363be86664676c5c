using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Hosting;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Postgres;
using StanceBoard.Dashboard.Storage.Sqlite;

namespace StanceBoard.Dashboard.Cli;

/// <summary><c>store copy --from FILE --to CONNECTION</c>: moves an SQLite install to PostgreSQL.</summary>
internal static class StoreCommand
{
    public static Command Create()
    {
        var command = new Command("store", """
            Manage the store itself.

            Examples:
              stanceboard store copy --from data/stanceboard.db --to "Host=localhost;Database=stanceboard;Username=board;Password=..."
            """);
        command.Subcommands.Add(Copy());
        return command;
    }

    private static Command Copy()
    {
        var from = new Option<string>("--from") { Description = "The SQLite database file to copy (it is brought to the latest schema first).", HelpName = "FILE", Required = true };
        var to = new Option<string>("--to") { Description = "Connection string of an empty PostgreSQL database (migrated by this command).", HelpName = "CONNECTION", Required = true };
        var command = new Command("copy", """
            Copy every piece, score, source, fetch log line, model version, key and setting from an
            SQLite file into an empty PostgreSQL database, keeping ids; then point the board at it
            with Storage__Provider=postgres and ConnectionStrings__StanceBoard. Prints the rows
            copied per table as JSON. The copy is one transaction: on failure the target is unchanged.

            Examples:
              stanceboard store copy --from data/stanceboard.db --to "Host=localhost;Database=stanceboard;Username=board;Password=..."
            """)
        {
            from, to,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(from)!, parse.GetValue(to)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(string from, string to, CancellationToken cancellationToken)
    {
        if (!File.Exists(from))
        {
            CliOutput.Info($"error: --from: there is no SQLite file at {from}.");
            return CliApp.Usage;
        }

        PostgresDatabase target;
        try
        {
            target = new PostgresDatabase(to);
        }
        catch (ConfigurationException ex)
        {
            CliOutput.Info("error: --to: " + ex.Message.Replace(StorageOptions.ConnectionStringKey, "the connection string", StringComparison.Ordinal));
            return CliApp.Usage;
        }

        await using (target)
        {
            try
            {
                var options = Options.Create(new StorageOptions { Database = from });
                await new SqliteStanceStore(options, TimeProvider.System, NullLogger<SqliteStanceStore>.Instance).MigrateAsync(cancellationToken);
                await new PostgresMigrator(target, new PostgresStoreLock(target), TimeProvider.System, NullLogger<PostgresMigrator>.Instance).MigrateAsync(cancellationToken);
                var counts = await new StoreCopy(Path.GetFullPath(from), target).CopyAsync((table, rows) => CliOutput.Info($"copied {rows} row(s) of {table}"), cancellationToken);
                CliOutput.WriteJsonLine(counts);
                CliOutput.Info($"Copied {from} to PostgreSQL {target.Description}.");
                return CliApp.Ok;
            }
            catch (InvalidOperationException ex)
            {
                CliOutput.Info($"error: {ex.Message}");
                return CliApp.Failure;
            }
            catch (Exception ex) when (StoreErrors.IsUnavailable(ex))
            {
                CliOutput.Info($"error: cannot use PostgreSQL {target.Description} (--to): {StoreErrors.Describe(ex)}");
                return CliApp.Failure;
            }
        }
    }
}
