using System.Collections;
using System.Collections.Concurrent;

namespace StanceBoard.Analysis.Aggregation;

/// <summary>
/// The observations one <see cref="StanceFilter"/> selects at one state of the data, frozen, and
/// remembering what was computed from them: <see cref="StanceAggregator.Aggregate"/> given a
/// snapshot aggregates each (dimension, options) once, however many charts, titles or sizes are
/// drawn from it. Thread-safe; a value is computed once even when asked for concurrently.
/// </summary>
public sealed class ObservationSnapshot : IReadOnlyList<StanceObservation>
{
    private readonly StanceObservation[] _items;
    private readonly ConcurrentDictionary<object, Lazy<object>> _memo = new();
    private int _computed;

    /// <summary>Freezes observations that already pass <paramref name="filter"/>.</summary>
    /// <param name="observations">The observations, in the order the store returns them.</param>
    /// <param name="filter">The filter they were selected with (applied again here, so the snapshot is exact).</param>
    public ObservationSnapshot(IEnumerable<StanceObservation> observations, StanceFilter filter)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(filter);
        Filter = filter;
        _items = filter.Apply(observations).ToArray();
    }

    private ObservationSnapshot(StanceObservation[] items, StanceFilter filter)
    {
        _items = items;
        Filter = filter;
    }

    /// <summary>The filter every observation here passes.</summary>
    public StanceFilter Filter { get; }

    /// <summary>How many values were computed (not served from memory); for tests and diagnostics.</summary>
    public int Computations => Volatile.Read(ref _computed);

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public StanceObservation this[int index] => _items[index];

    /// <summary>Whether <paramref name="filter"/> selects exactly this snapshot's observations (the same bounds and names, in the same order).</summary>
    /// <param name="filter">The filter a caller would apply.</param>
    /// <returns><see langword="true"/> when applying it would keep every observation.</returns>
    public bool IsSelectedBy(StanceFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ReferenceEquals(filter, Filter)
            || (filter.From == Filter.From && filter.To == Filter.To
                && filter.Targets.SequenceEqual(Filter.Targets, StringComparer.Ordinal)
                && filter.Authors.SequenceEqual(Filter.Authors, StringComparer.Ordinal)
                && filter.Outlets.SequenceEqual(Filter.Outlets, StringComparer.Ordinal));
    }

    /// <summary>
    /// A new snapshot of these observations followed by <paramref name="more"/> (those that pass
    /// the filter), for data that only grew; nothing computed here carries over.
    /// </summary>
    /// <param name="more">Observations stored after this snapshot was taken.</param>
    /// <returns>The larger snapshot, or this one when nothing passes.</returns>
    public ObservationSnapshot Append(IEnumerable<StanceObservation> more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var added = Filter.Apply(more).ToArray();
        return added.Length == 0 ? this : new ObservationSnapshot([.. _items, .. added], Filter);
    }

    /// <summary>A value derived from these observations, computed on first use and kept with the snapshot.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="key">What the value is (compared with <see cref="object.Equals(object)"/>); include every input besides the observations.</param>
    /// <param name="compute">Computes the value from the snapshot.</param>
    /// <returns>The value.</returns>
    public T GetOrCompute<T>(object key, Func<ObservationSnapshot, T> compute)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        var lazy = _memo.GetOrAdd(key, _ => new Lazy<object>(
            () =>
            {
                Interlocked.Increment(ref _computed);
                return compute(this);
            },
            LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)lazy.Value;
        }
        catch
        {
            _memo.TryRemove(new KeyValuePair<object, Lazy<object>>(key, lazy)); // a failure is not remembered
            throw;
        }
    }

    /// <inheritdoc/>
    public IEnumerator<StanceObservation> GetEnumerator() => ((IEnumerable<StanceObservation>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
