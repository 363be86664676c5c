using System.Collections.Concurrent;

namespace StanceBoard.Dashboard.LiveCharts;

/// <summary>
/// Which charts have subscribers, counted per connection, so only charts someone is looking at
/// are re-rendered. Thread-safe.
/// </summary>
public sealed class ChartSubscriptions
{
    /// <summary>The most charts one connection may follow at once.</summary>
    public const int MaxPerConnection = 32;

    private readonly ConcurrentDictionary<string, ChartEntry> _charts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _byConnection = new(StringComparer.Ordinal);

    /// <summary>Adds a subscriber; false when the connection already follows too many charts.</summary>
    public bool Add(string connectionId, ChartKey chart)
    {
        var keys = _byConnection.GetOrAdd(connectionId, _ => []);
        lock (keys)
        {
            if (keys.Contains(chart.Key))
            {
                return true;
            }

            if (keys.Count >= MaxPerConnection)
            {
                return false;
            }

            keys.Add(chart.Key);
        }

        _charts.AddOrUpdate(chart.Key, _ => new ChartEntry(chart, 1), (_, e) => e with { Subscribers = e.Subscribers + 1 });
        return true;
    }

    /// <summary>Removes a subscriber; true when it was subscribed.</summary>
    public bool Remove(string connectionId, string key)
    {
        if (!_byConnection.TryGetValue(connectionId, out var keys))
        {
            return false;
        }

        lock (keys)
        {
            if (!keys.Remove(key))
            {
                return false;
            }
        }

        Release(key);
        return true;
    }

    /// <summary>Removes everything a closed connection followed.</summary>
    public void RemoveConnection(string connectionId)
    {
        if (!_byConnection.TryRemove(connectionId, out var keys))
        {
            return;
        }

        string[] all;
        lock (keys)
        {
            all = [.. keys];
        }

        foreach (var key in all)
        {
            Release(key);
        }
    }

    /// <summary>The charts with at least one subscriber.</summary>
    public IReadOnlyList<ChartKey> Active => _charts.Values.Where(e => e.Subscribers > 0).Select(e => e.Chart).ToArray();

    private void Release(string key)
    {
        while (_charts.TryGetValue(key, out var entry))
        {
            if (entry.Subscribers <= 1)
            {
                if (_charts.TryRemove(new KeyValuePair<string, ChartEntry>(key, entry)))
                {
                    return;
                }
            }
            else if (_charts.TryUpdate(key, entry with { Subscribers = entry.Subscribers - 1 }, entry))
            {
                return;
            }
        }
    }

    private sealed record ChartEntry(ChartKey Chart, int Subscribers);
}
