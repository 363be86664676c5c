using System.Text.Json;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Cli;

/// <summary>
/// Re-scores a store's pieces in the foreground, with a progress line on stderr (the CLI's
/// counterpart of <see cref="RescoreService"/>): through the same chunks, so on PostgreSQL running
/// workers and instances share the run with it.
/// </summary>
internal static class StoreRescore
{
    public static async Task<long> RunAsync(IHost host, CancellationToken cancellationToken)
    {
        var services = host.Services;
        var scorers = services.GetRequiredService<ScorerProvider>();
        var version = scorers.Current.Model?.Version ?? "none";
        var rescore = new ChunkedRescore(
            services.GetRequiredService<IRescoreChunks>(),
            services.GetRequiredService<IStanceStore>(),
            scorers,
            services.GetRequiredService<IOptions<RescoreOptions>>().Value,
            services.GetRequiredService<StoreInstance>().Id,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreRescore)));
        long done = 0;
        await rescore.RunAsync(
            version,
            (d, total) =>
            {
                done = d;
                Console.Error.WriteLine($"re-scored {d}/{total}");
                return Task.CompletedTask;
            },
            cancellationToken);

        // A dashboard running on the same database learns of the new scores from this (StoreWatcher).
        var at = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await services.GetRequiredService<IStanceStore>().SetSettingAsync(ScoresRescored.Setting, JsonSerializer.Serialize(new ScoresRescored(version, done, at)), cancellationToken);
        return done;
    }
}
