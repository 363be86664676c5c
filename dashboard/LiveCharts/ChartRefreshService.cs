using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.ChartServing;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Hubs;

namespace StanceBoard.Dashboard.LiveCharts;

/// <summary>
/// Keeps subscribed charts current. A change to the stored scores (<see cref="ChartDataState.Changed"/>)
/// marks every subscribed chart dirty; this loop then renders each canonical chart once and sends
/// the SVG and its linked marks to all of its keys' subscribers as <c>chartUpdated(key, version, svg, marks)</c>. Renders are
/// coalesced (at most one per chart per <see cref="MinInterval"/>), drawn from the shared
/// observation cache, run <see cref="LiveChartsOptions.MaxConcurrentRenders"/> at a time in the
/// fair order of <see cref="ChartSubscriptions.Active"/>, and an unchanged SVG is not sent again.
/// Each chart is refreshed on its own: one that fails is logged and skipped, the others still go
/// out; after <see cref="MaxFailures"/> failures in a row it is no longer drawn until it is
/// subscribed afresh.
/// </summary>
internal sealed class ChartRefreshService : BackgroundService
{
    /// <summary>The shortest time between two renders of the same chart.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Failures in a row after which a chart is dropped from refreshing.</summary>
    public const int MaxFailures = 3;

    private readonly ChartSubscriptions _subscriptions;
    private readonly ChartProducer _producer;
    private readonly IHubContext<StanceHub, IStanceClient> _hub;
    private readonly TimeProvider _time;
    private readonly ILogger<ChartRefreshService> _logger;
    private readonly int _parallelism;
    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly ConcurrentDictionary<string, string> _lastSent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _cycleOrder = new();
    private long _version;
    private long _renders;

    public ChartRefreshService(
        ChartSubscriptions subscriptions,
        ChartProducer producer,
        ChartDataState data,
        IHubContext<StanceHub, IStanceClient> hub,
        IOptions<LiveChartsOptions> options,
        TimeProvider time,
        ILogger<ChartRefreshService> logger)
    {
        _subscriptions = subscriptions;
        _producer = producer;
        _hub = hub;
        _time = time;
        _logger = logger;
        _parallelism = options.Value.MaxConcurrentRenders;
        data.Changed += MarkDirty;
    }

    /// <summary>How many chart refreshes were made (for tests and the benchmark).</summary>
    public long Renders => Interlocked.Read(ref _renders);

    /// <summary>The render keys of the last refresh, in the order their renders started (for tests).</summary>
    public IReadOnlyList<string> LastCycleOrder => [.. _cycleOrder];

    /// <summary>Asks for a refresh of every subscribed chart.</summary>
    public void MarkDirty() => _dirty.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastRender = DateTimeOffset.MinValue;
        while (await _dirty.Reader.WaitToReadAsync(stoppingToken))
        {
            var wait = lastRender + MinInterval - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, stoppingToken);
            }

            _dirty.Reader.TryRead(out _);
            lastRender = _time.GetUtcNow();
            try
            {
                await RefreshAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Refreshing live charts failed; the next score retries");
            }
        }
    }

    private async Task RefreshAllAsync(CancellationToken cancellationToken)
    {
        var active = _subscriptions.Active;
        var live = active.Select(a => a.RenderKey).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in _lastSent.Keys.Concat(_failures.Keys).Where(k => !live.Contains(k)).ToArray())
        {
            _lastSent.TryRemove(stale, out _);
            _failures.TryRemove(stale, out _);
        }

        _cycleOrder.Clear();
        if (active.Count == 0)
        {
            return;
        }

        var version = Interlocked.Increment(ref _version);
        var due = active.Where(a => _failures.GetValueOrDefault(a.RenderKey) < MaxFailures).ToArray();
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken },
            (chart, ct) => new ValueTask(RefreshOneAsync(chart, version, ct)));
    }

    private async Task RefreshOneAsync(LiveChart chart, long version, CancellationToken cancellationToken)
    {
        _cycleOrder.Enqueue(chart.RenderKey);
        RenderedChart? rendered;
        try
        {
            rendered = await _producer.GetViewAsync(chart.Name, chart.Request, gated: false, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failures = _failures.AddOrUpdate(chart.RenderKey, 1, (_, n) => n + 1);
            if (failures >= MaxFailures)
            {
                _logger.LogWarning(ex, "Live chart {Key} failed {Failures} times in a row; it is no longer refreshed until subscribed again", chart.Keys[0], failures);
            }
            else
            {
                _logger.LogWarning(ex, "Live chart {Key} could not be refreshed; the other charts still are", chart.Keys[0]);
            }

            return;
        }

        _failures.TryRemove(chart.RenderKey, out _);
        Interlocked.Increment(ref _renders);
        if (rendered is null)
        {
            return; // too much data: the page shows the 422 from its own request
        }

        if (_lastSent.TryGetValue(chart.RenderKey, out var previous) && previous == rendered.ETag)
        {
            return;
        }

        _lastSent[chart.RenderKey] = rendered.ETag;
        var view = rendered.View!;
        foreach (var key in chart.Keys)
        {
            Telemetry.StanceBoardTelemetry.HubMessages.Add(1, new("direction", "out"), new("method", "chartUpdated"));
            await _hub.Clients.Group(ChartKey.GroupOf(key)).ChartUpdatedAsync(key, version, view.Svg, view.Marks);
        }
    }
}
