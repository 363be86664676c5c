using System.CommandLine;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Hosting;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Sources;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Telemetry;

namespace StanceBoard.Dashboard.Cli;

/// <summary>
/// <c>worker [--db PATH] [--Section:Key=Value...]</c>: polls web sources and scores their pieces
/// (and takes its share of re-scoring after a promotion) without the web app, until stopped.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(string[] hostArgs)
    {
        var command = new Command("worker", """
            Poll web sources, score and store their pieces, and re-score after a model promotion,
            without serving the web app. Run any number of workers and 'serve' instances on one
            PostgreSQL database (Storage__Provider=postgres, ConnectionStrings__StanceBoard=...):
            each source is leased to one poller at a time, and the sources of a worker that stops
            or dies are taken over when its leases run out. Stops on Ctrl+C or SIGTERM.
            Any other --Section:Key=Value flag sets configuration.

            Examples:
              stanceboard worker
              Storage__Provider=postgres ConnectionStrings__StanceBoard="Host=db;Database=board;Username=board;Password=..." stanceboard worker
              stanceboard worker --Ingestion:Polling:MaxConcurrentSources=64
            """)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(CliOptions.Database());
        command.SetAction((_, _) => RunAsync(hostArgs));
        return command;
    }

    internal static async Task<int> RunAsync(string[] args)
    {
        try
        {
            using var host = Build(args);
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            if (await StorePreflight.CheckAsync(host.Services, CancellationToken.None) is { } problem)
            {
                await Console.Error.WriteLineAsync($"error: {problem}");
                return CliApp.Failure;
            }

            await host.RunAsync();
            return CliApp.Ok;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"error: invalid configuration: {string.Join("; ", ex.Failures)}");
            return CliApp.Failure;
        }
        catch (ConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return CliApp.Failure;
        }
    }

    private static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.AddCommandLine(args, CoreServices.SwitchMappings.ToDictionary());
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddStanceBoardCore(builder.Configuration);

        // A worker never mints the first-run admin key: the first 'serve' prints it to its operator.
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).PostConfigure(o => o.GenerateKeyOnFirstRun = false);
        builder.Services.AddHostedService<StartupTasks>();
        if (StorageServices.IsPostgres(builder.Configuration))
        {
            builder.Services.AddHostedService<PostgresStoreWatcher>();
        }

        builder.Services.AddHostedService<SourcePollingService>();
        builder.Services.AddSingleton<RescoreService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RescoreService>());
        builder.Services.AddStanceBoardTelemetry(builder.Configuration, web: false);
        return builder.Build();
    }
}
