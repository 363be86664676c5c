using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Hosting;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Cli;

/// <summary>
/// The services a verb needs, built from the same configuration as the web app
/// (appsettings.json, environment, <c>--db</c>), with logs on stderr.
/// </summary>
internal static class CliHost
{
    /// <summary>The store the last verb host uses, without a password (for the one-line error when it cannot be reached).</summary>
    public static string? StoreDescription { get; private set; }

    public static async Task<IHost> StartAsync(string? database, bool verbose, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        if (database is not null)
        {
            builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Database)}"] = database;
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Services.AddStanceBoardCore(builder.Configuration);

        var host = builder.Build();

        // Verbs do not run the host, so its start-up validation of the options is run here.
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        StoreDescription = StorageServices.Describe(host.Services);
        await FirstStart.RunAsync(host.Services, null, cancellationToken);
        host.Services.GetRequiredService<StoreReadiness>().MarkReady();
        return host;
    }
}
