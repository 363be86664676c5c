using System.Text.Json;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Demo;

/// <summary>Status and clearing of the demo data, shared by the API and the CLI.</summary>
public sealed class DemoControl(IStanceStore store, IOptions<DemoOptions> options, TimeProvider time)
{
    private static readonly Lazy<int> CorpusSize = new(() => DemoCorpus.Load().Count);

    public async Task<DemoStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var all = await store.CountPiecesAsync(includeDemo: true, cancellationToken: cancellationToken);
        var real = await store.CountPiecesAsync(includeDemo: false, cancellationToken: cancellationToken);
        var cleared = await store.GetSettingAsync(DemoReplayService.ClearedSetting, cancellationToken) is not null;
        return new DemoStatus(options.Value.Enabled, cleared, all - real, CorpusSize.Value);
    }

    /// <summary>Deletes the demo pieces and stops the demo from ever replaying into this database.</summary>
    public async Task<int> ClearAsync(CancellationToken cancellationToken)
    {
        await store.SetSettingAsync(DemoReplayService.ClearedSetting, time.GetUtcNow().ToString("O"), cancellationToken);
        var deleted = await store.DeleteDemoPiecesAsync(cancellationToken);
        if (deleted > 0)
        {
            var removal = new PiecesRemoved("demo", deleted, time.GetUtcNow());
            await store.SetSettingAsync(PiecesRemoved.Setting, JsonSerializer.Serialize(removal), cancellationToken);
        }

        return deleted;
    }
}
