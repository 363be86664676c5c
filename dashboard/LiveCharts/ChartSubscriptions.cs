using Microsoft.Extensions.Options;

namespace StanceBoard.Dashboard.LiveCharts;

/// <summary>
/// Which charts have subscribers, per connection and per canonical render, so only charts someone
/// is looking at are re-rendered, each once however many keys and pages share it. Bounded: a
/// connection follows at most <see cref="MaxPerConnection"/> keys, the server at most
/// <see cref="LiveChartsOptions.MaxKeys"/> distinct renders. Thread-safe.
/// </summary>
public sealed class ChartSubscriptions(IOptions<LiveChartsOptions> options)
{
    /// <summary>The most charts one connection may follow at once.</summary>
    public const int MaxPerConnection = 32;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<ChartKey>> _byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Render> _renders = new(StringComparer.Ordinal);
    private readonly int _maxKeys = options.Value.MaxKeys;

    /// <summary>The most distinct renders the server follows.</summary>
    public int MaxKeys => _maxKeys;

    /// <summary>Distinct renders followed now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _renders.Count;
            }
        }
    }

    /// <summary>Adds a subscriber, unless the connection or the server follows too many charts.</summary>
    public SubscribeResult Add(string connectionId, ChartKey chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        lock (_lock)
        {
            if (!_byConnection.TryGetValue(connectionId, out var keys))
            {
                keys = [];
                _byConnection[connectionId] = keys;
            }

            if (keys.Exists(k => k.Key == chart.Key))
            {
                return SubscribeResult.Subscribed;
            }

            if (keys.Count >= MaxPerConnection)
            {
                return SubscribeResult.ConnectionFull;
            }

            if (!_renders.TryGetValue(chart.RenderKey, out var render))
            {
                if (_renders.Count >= _maxKeys)
                {
                    if (keys.Count == 0)
                    {
                        _byConnection.Remove(connectionId);
                    }

                    return SubscribeResult.ServerFull;
                }

                render = new Render(chart);
                _renders[chart.RenderKey] = render;
            }

            render.Keys[chart.Key] = render.Keys.GetValueOrDefault(chart.Key) + 1;
            keys.Add(chart);
            return SubscribeResult.Subscribed;
        }
    }

    /// <summary>Removes a subscriber; true when it was subscribed.</summary>
    public bool Remove(string connectionId, string key)
    {
        lock (_lock)
        {
            if (!_byConnection.TryGetValue(connectionId, out var keys))
            {
                return false;
            }

            var at = keys.FindIndex(k => k.Key == key);
            if (at < 0)
            {
                return false;
            }

            Release(keys[at]);
            keys.RemoveAt(at);
            if (keys.Count == 0)
            {
                _byConnection.Remove(connectionId);
            }

            return true;
        }
    }

    /// <summary>Removes everything a closed connection followed.</summary>
    public void RemoveConnection(string connectionId)
    {
        lock (_lock)
        {
            if (!_byConnection.Remove(connectionId, out var keys))
            {
                return;
            }

            foreach (var key in keys)
            {
                Release(key);
            }
        }
    }

    /// <summary>
    /// The renders with at least one subscriber, fairest first: by the best position any
    /// connection gave the chart among its own subscriptions (every connection's first chart comes
    /// before anyone's second), then by subscribers. One connection holding many keys cannot push
    /// other pages' charts to the back.
    /// </summary>
    public IReadOnlyList<LiveChart> Active
    {
        get
        {
            lock (_lock)
            {
                var rank = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var keys in _byConnection.Values)
                {
                    for (var i = 0; i < keys.Count; i++)
                    {
                        var renderKey = keys[i].RenderKey;
                        rank[renderKey] = Math.Min(rank.GetValueOrDefault(renderKey, int.MaxValue), i);
                    }
                }

                return _renders.Values
                    .Select(r => new LiveChart(r.Chart.RenderKey, r.Chart.Name, r.Chart.Request, [.. r.Keys.Keys], r.Keys.Values.Sum()))
                    .OrderBy(c => rank.GetValueOrDefault(c.RenderKey, int.MaxValue))
                    .ThenByDescending(c => c.Subscribers)
                    .ThenBy(c => c.RenderKey, StringComparer.Ordinal)
                    .ToArray();
            }
        }
    }

    private void Release(ChartKey chart)
    {
        if (!_renders.TryGetValue(chart.RenderKey, out var render))
        {
            return;
        }

        if (render.Keys.GetValueOrDefault(chart.Key) <= 1)
        {
            render.Keys.Remove(chart.Key);
        }
        else
        {
            render.Keys[chart.Key]--;
        }

        if (render.Keys.Count == 0)
        {
            _renders.Remove(chart.RenderKey);
        }
    }

    private sealed class Render(ChartKey chart)
    {
        public ChartKey Chart { get; } = chart;

        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);
    }
}
