using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Telemetry;

namespace StanceBoard.Dashboard.ChartServing;

/// <summary>
/// Serves chart files around <see cref="ChartService"/> (treated as a black box whose cost is
/// bounded here): a finished file from <see cref="RenderedChartCache"/> when the data has not
/// changed; otherwise one render per file however many ask, drawn from the filter's shared
/// <see cref="ObservationCache"/> snapshot (so titles, captions and sizes never read or aggregate
/// again), inside <see cref="ChartRenderGate"/> for HTTP requests.
/// </summary>
internal sealed class ChartProducer(ObservationCache observations, RenderedChartCache files, ChartRenderGate gate)
{
    private long _renders;

    /// <summary>Files rendered (not served from memory); for tests and diagnostics.</summary>
    public long Renders => Interlocked.Read(ref _renders);

    /// <summary>The chart as a file, or <see langword="null"/> when more than <see cref="ObservationCache.MaxObservations"/> observations match.</summary>
    /// <param name="name">A known chart name.</param>
    /// <param name="format">The file format.</param>
    /// <param name="request">The validated request.</param>
    /// <param name="gated">Whether the render takes a slot of the HTTP render gate (the live refresh has its own budget).</param>
    /// <param name="cancellationToken">Stops waiting (a render already started for others still finishes).</param>
    /// <exception cref="RenderQueueFullException">The gate's queue is full.</exception>
    /// <exception cref="ChartParameterException">A parameter is invalid for this chart.</exception>
    /// <exception cref="Charts.Export.ChartExportException">PNG/PDF export failed or is unavailable.</exception>
    public Task<RenderedChart?> GetAsync(string name, ChartFormat format, ChartRequest request, bool gated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = ChartRenderKey.ForOutput(name, format, request);
        return files.GetOrRenderAsync(key, () => RenderAsync(name, format, request, gated), cancellationToken);
    }

    /// <summary>The chart as the page shows it (SVG and linked marks, <see cref="RenderedChart.View"/>), or <see langword="null"/> when too much data matches.</summary>
    /// <exception cref="RenderQueueFullException">The gate's queue is full.</exception>
    /// <exception cref="ChartParameterException">A parameter is invalid for this chart.</exception>
    public Task<RenderedChart?> GetViewAsync(string name, ChartRequest request, bool gated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = ChartRenderKey.ForOutput(name, ChartFormat.Svg, request) + "|view";
        return files.GetOrRenderAsync(key, () => RenderAsync(name, format: null, request, gated), cancellationToken);
    }

    // format null: the page's view.
    private async Task<RenderedChart?> RenderAsync(string name, ChartFormat? format, ChartRequest request, bool gated)
    {
        // Shared by everyone waiting for this file: nobody's cancellation stops it.
        using var slot = gated ? await gate.EnterAsync(CancellationToken.None) : null;
        var data = await observations.GetAsync(request.Filter, CancellationToken.None);
        if (data.Snapshot is null)
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        RenderedChart rendered;
        if (format is { } fileFormat)
        {
            var chart = ChartService.Prepare(name, fileFormat, data.Snapshot, request);
            rendered = new RenderedChart(chart.Render(), chart.ContentType, chart.FileName, chart.ETag, data.Stamp);
        }
        else
        {
            var view = ChartService.RenderView(name, data.Snapshot, request);
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(view.Svg));
            rendered = new RenderedChart([], "application/json", name + ".json", "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 16)) + "\"", data.Stamp, view);
        }

        StanceBoardTelemetry.RenderDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("chart", name));
        Interlocked.Increment(ref _renders);
        return rendered;
    }
}
