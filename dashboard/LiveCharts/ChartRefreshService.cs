using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using StanceBoard.Dashboard.Apis;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Hubs;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.LiveCharts;

/// <summary>
/// Keeps subscribed charts current. New scores (a stored piece, or a finished re-scoring) mark
/// every subscribed chart dirty; this loop then renders each chart once and sends the SVG to
/// all of its subscribers as <c>chartUpdated(key, version, svg, marks)</c>. Renders are coalesced: a
/// burst of pieces gives at most one render per chart per <see cref="MinInterval"/>, and a
/// chart whose SVG did not change is not sent again.
/// </summary>
internal sealed class ChartRefreshService(
    ChartSubscriptions subscriptions,
    IStanceStore store,
    IHubContext<StanceHub, IStanceClient> hub,
    TimeProvider time,
    ILogger<ChartRefreshService> logger) : BackgroundService, IPieceScoredSink, IRescoreProgressSink, IPiecesRemovedSink
{
    /// <summary>The shortest time between two renders of the same chart.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(500);

    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<string, string> _lastSent = new(StringComparer.Ordinal);
    private long _version;

    private long _renders;

    /// <summary>How many chart renders were made (for tests and the benchmark).</summary>
    public long Renders => Interlocked.Read(ref _renders);

    public Task OnPieceScoredAsync(PieceDto piece, CancellationToken cancellationToken)
    {
        MarkDirty();
        return Task.CompletedTask;
    }

    public Task OnProgressAsync(RescoreProgress progress, CancellationToken cancellationToken)
    {
        if (progress.State is "finished" or "cancelled" or "failed")
        {
            MarkDirty();
        }

        return Task.CompletedTask;
    }

    public Task OnPiecesRemovedAsync(PiecesRemoved removal, CancellationToken cancellationToken)
    {
        MarkDirty();
        return Task.CompletedTask;
    }

    /// <summary>Asks for a refresh of every subscribed chart.</summary>
    public void MarkDirty() => _dirty.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastRender = DateTimeOffset.MinValue;
        while (await _dirty.Reader.WaitToReadAsync(stoppingToken))
        {
            var wait = lastRender + MinInterval - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            _dirty.Reader.TryRead(out _);
            lastRender = time.GetUtcNow();
            try
            {
                await RefreshAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Refreshing live charts failed; the next score retries");
            }
        }
    }

    private async Task RefreshAllAsync(CancellationToken cancellationToken)
    {
        var active = subscriptions.Active;
        foreach (var stale in _lastSent.Keys.Except(active.Select(a => a.Key)).ToArray())
        {
            _lastSent.TryRemove(stale, out _);
        }

        if (active.Count == 0)
        {
            return;
        }

        var version = Interlocked.Increment(ref _version);
        foreach (var chart in active)
        {
            var observations = await store.ListObservationsAsync(chart.Request.Filter, ChartsApi.MaxObservations, cancellationToken);
            if (observations.Count > ChartsApi.MaxObservations)
            {
                continue; // the page shows the 422 from its own request
            }

            ChartView view;
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                view = ChartService.RenderView(chart.Name, observations, chart.Request);
                Telemetry.StanceBoardTelemetry.RenderDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("chart", chart.Name));
            }
            catch (ChartParameterException ex)
            {
                logger.LogWarning("Live chart {Key} cannot be rendered: {Message}", chart.Key, ex.Message);
                continue;
            }

            Interlocked.Increment(ref _renders);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(view.Svg)));
            if (_lastSent.TryGetValue(chart.Key, out var previous) && previous == hash)
            {
                continue;
            }

            _lastSent[chart.Key] = hash;
            Telemetry.StanceBoardTelemetry.HubMessages.Add(1, new("direction", "out"), new("method", "chartUpdated"));
            await hub.Clients.Group(chart.Group).ChartUpdatedAsync(chart.Key, version, view.Svg, view.Marks);
        }
    }
}
