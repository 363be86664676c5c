using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Cli;

/// <summary>Re-scores a store's pieces in the foreground, with a progress line on stderr (the CLI's counterpart of <see cref="RescoreService"/>).</summary>
internal static class StoreRescore
{
    public static Task<long> RunAsync(IHost host, CancellationToken cancellationToken) =>
        RescoreService.RescoreAllAsync(
            host.Services.GetRequiredService<IStanceStore>(),
            host.Services.GetRequiredService<ScorerProvider>(),
            (done, total) =>
            {
                Console.Error.WriteLine($"re-scored {done}/{total}");
                return Task.CompletedTask;
            },
            cancellationToken);
}
