using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Demo;

/// <summary>
/// On a first run (no real pieces, demo never cleared) feeds the demo corpus through the
/// normal pipeline, one piece per interval, marked as demo. Already-replayed pieces are
/// skipped by the pipeline's dedupe, so a restart continues where it stopped.
/// </summary>
internal sealed class DemoReplayService(
    IStanceStore store,
    PieceProcessor processor,
    IOptions<DemoOptions> options,
    StoreReadiness readiness,
    TimeProvider time,
    ILogger<DemoReplayService> logger) : BackgroundService
{
    public const string ClearedSetting = "demo.cleared";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        if (!options.Value.Enabled || await store.GetSettingAsync(ClearedSetting, stoppingToken) is not null)
        {
            return;
        }

        if (await store.CountPiecesAsync(includeDemo: false, cancellationToken: stoppingToken) > 0)
        {
            return;
        }

        var pieces = DemoCorpus.Load();
        logger.LogInformation("Empty store: replaying {Count} demo pieces (fictional; set Demo__Enabled=false to turn off)", pieces.Count);
        var interval = TimeSpan.FromMilliseconds(options.Value.IntervalMilliseconds);
        foreach (var piece in pieces)
        {
            if (await store.GetSettingAsync(ClearedSetting, stoppingToken) is not null)
            {
                logger.LogInformation("Demo cleared: replay stopped");
                return;
            }

            var result = await processor.ProcessAsync(piece, isDemo: true, stoppingToken);
            if (result.IsNew && interval > TimeSpan.Zero)
            {
                await Task.Delay(interval, time, stoppingToken);
            }
        }
    }
}
