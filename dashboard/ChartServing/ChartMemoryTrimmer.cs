using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace StanceBoard.Dashboard.ChartServing;

/// <summary>
/// Gives memory back after a burst of chart work. Once no chart has been rendered for
/// <see cref="ChartServingOptions.TrimAfterIdle"/>, it drops rendered files nobody asked for in
/// that time and snapshots that can no longer be served, then compacts the managed heap
/// (<see cref="GCCollectionMode.Aggressive"/>) and asks the C allocator to return free pages
/// (PNG and PDF export allocate natively). Without this, a load burst leaves the process at its
/// peak size: neither .NET nor glibc give memory back to the system on their own while idle.
/// Runs once per burst (at least <see cref="BurstRenders"/> renders since the last trim), never
/// while charts are being drawn, so a quiet live dashboard is not compacted after every piece.
/// </summary>
internal sealed class ChartMemoryTrimmer(
    ChartProducer producer,
    RenderedChartCache files,
    ObservationCache observations,
    IOptions<ChartServingOptions> options,
    TimeProvider time,
    ILogger<ChartMemoryTrimmer> logger) : BackgroundService
{
    /// <summary>Renders since the last trim that make a burst worth giving memory back after.</summary>
    public const int BurstRenders = 32;

    private static bool s_mallocTrimAvailable = OperatingSystem.IsLinux();
    private long _trims;

    /// <summary>Trims done (for tests and diagnostics).</summary>
    public long Trims => Interlocked.Read(ref _trims);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = options.Value.TrimAfterIdle;
        using var timer = new PeriodicTimer(idle / 3, time);
        var seen = producer.Renders;
        var trimmedAt = seen;
        var lastActivity = time.GetUtcNow();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var renders = producer.Renders;
            var now = time.GetUtcNow();
            if (renders != seen)
            {
                seen = renders;
                lastActivity = now;
                continue;
            }

            if (renders - trimmedAt < BurstRenders || now - lastActivity < idle)
            {
                continue;
            }

            trimmedAt = renders;
            Trim(now - idle);
        }
    }

    /// <summary>Drops what idle caches hold and returns free memory to the system.</summary>
    public void Trim(DateTimeOffset unusedSince)
    {
        var freed = files.TrimUnusedSince(unusedSince);
        var dropped = observations.TrimExpired();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (s_mallocTrimAvailable)
        {
            try
            {
                _ = MallocTrim(0);
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                s_mallocTrimAvailable = false; // not glibc (musl): nothing to trim this way
            }
        }

        Interlocked.Increment(ref _trims);
        logger.LogDebug("Chart memory trimmed after a burst: {Bytes} bytes of files and {Filters} filters dropped", freed, dropped);
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
