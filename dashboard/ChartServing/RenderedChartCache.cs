using Microsoft.Extensions.Options;

namespace StanceBoard.Dashboard.ChartServing;

/// <summary>
/// Finished chart files by everything that determines them (<see cref="ChartRenderKey.ForOutput"/>),
/// for the state of the data they show; at most <see cref="ChartServingOptions.RenderedCacheMegabytes"/>,
/// least recently used out first. Concurrent requests for the same file share one render.
/// </summary>
internal sealed class RenderedChartCache(ChartDataState state, IOptions<ChartServingOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<CacheItem>> _files = new(StringComparer.Ordinal);
    private readonly LinkedList<CacheItem> _recency = new();
    private readonly Dictionary<string, Task<RenderedChart?>> _inFlight = new(StringComparer.Ordinal);
    private readonly long _budget = options.Value.RenderedCacheMegabytes * 1024L * 1024L;
    private readonly TimeSpan _maxAge = options.Value.MaxDataAge;
    private long _bytes;

    /// <summary>Bytes held now.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>
    /// The current file for <paramref name="key"/>: from memory, from a render already running for
    /// it, or from <paramref name="render"/> (run once for all who ask meanwhile; its failure is not kept).
    /// </summary>
    /// <returns>The file, or <see langword="null"/> when <paramref name="render"/> gave none (too much data).</returns>
    public async Task<RenderedChart?> GetOrRenderAsync(string key, Func<Task<RenderedChart?>> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(render);
        var version = state.Current;
        var flightKey = $"{version.Generation}/{version.Changes}/{key}";
        Task<RenderedChart?> task;
        lock (_lock)
        {
            if (_files.TryGetValue(key, out var node))
            {
                var now = time.GetUtcNow();
                if (node.Value.Chart.Stamp.IsCurrent(version, now, _maxAge))
                {
                    node.Value.LastUsed = now;
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    return node.Value.Chart;
                }

                Remove(node);
            }

            if (!_inFlight.TryGetValue(flightKey, out task!))
            {
                task = RunAsync(flightKey, key, render);
                _inFlight[flightKey] = task;
            }
        }

        return await task.WaitAsync(cancellationToken);
    }

    private async Task<RenderedChart?> RunAsync(string flightKey, string key, Func<Task<RenderedChart?>> render)
    {
        await Task.Yield(); // the caller holds the lock
        try
        {
            var chart = await render();
            if (chart is not null)
            {
                Add(key, chart);
            }

            return chart;
        }
        finally
        {
            lock (_lock)
            {
                _inFlight.Remove(flightKey);
            }
        }
    }

    private void Add(string key, RenderedChart chart)
    {
        var size = chart.Bytes + (key.Length * 2L);
        if (size > _budget)
        {
            return;
        }

        lock (_lock)
        {
            if (_files.TryGetValue(key, out var existing))
            {
                Remove(existing);
            }

            _files[key] = _recency.AddFirst(new CacheItem(key, chart, time.GetUtcNow()));
            _bytes += size;
            while (_bytes > _budget && _recency.Last is { } oldest)
            {
                Remove(oldest);
            }
        }
    }

    /// <summary>Drops the files not asked for since <paramref name="cutoff"/>; returns the bytes freed.</summary>
    public long TrimUnusedSince(DateTimeOffset cutoff)
    {
        lock (_lock)
        {
            var before = _bytes;
            while (_recency.Last is { } oldest && oldest.Value.LastUsed < cutoff)
            {
                Remove(oldest);
            }

            return before - _bytes;
        }
    }

    private void Remove(LinkedListNode<CacheItem> node)
    {
        _recency.Remove(node);
        _files.Remove(node.Value.Key);
        _bytes -= node.Value.Chart.Bytes + (node.Value.Key.Length * 2L);
    }

    private sealed class CacheItem(string key, RenderedChart chart, DateTimeOffset lastUsed)
    {
        public string Key { get; } = key;

        public RenderedChart Chart { get; } = chart;

        public DateTimeOffset LastUsed { get; set; } = lastUsed;
    }
}
