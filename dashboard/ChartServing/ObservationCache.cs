using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.ChartServing;

/// <summary>
/// The observations of each filter, read from the store once per state of the data and kept as an
/// <see cref="ObservationSnapshot"/> (which keeps its aggregations): every chart, title, size and
/// format with that filter draws from the same snapshot. When only new pieces were stored since,
/// just those are read and appended. Concurrent requests for the same filter share one read.
/// Bounded by <see cref="ChartServingOptions.CachedFilters"/> and
/// <see cref="ChartServingOptions.CachedObservations"/>, least recently used first out.
/// </summary>
internal sealed class ObservationCache(IStanceStore store, ChartDataState state, IOptions<ChartServingOptions> options, TimeProvider time)
{
    /// <summary>The most observations one chart may read; more match → the caller asks for narrower filters.</summary>
    public const int MaxObservations = 1_000_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ChartServingOptions _options = options.Value;
    private long _reads;
    private long _clock;

    /// <summary>Store reads made (whole or only what was added); for tests and diagnostics.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Filters held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The current observations of <paramref name="filter"/>, or <see langword="null"/> when more than <see cref="MaxObservations"/> match.</summary>
    public async Task<CachedObservations> GetAsync(StanceFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var key = ChartRenderKey.ForFilter(filter);
        var version = state.Current;
        var now = time.GetUtcNow();
        Task<CachedObservations> task;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && Usable(entry, version, now))
            {
                task = entry.Task;
            }
            else
            {
                task = entry is not null && entry.StartedFor.Generation == version.Generation
                    ? ExtendAsync(entry.Task, filter, version)
                    : ReadAsync(filter, version, previous: null);
                entry = new Entry(task, version, now);
                _entries[key] = entry;
                _ = ForgetOnFailureAsync(key, entry);
            }

            entry.LastUsed = ++_clock;
            Trim(version);
        }

        var result = await task.WaitAsync(cancellationToken);
        lock (_lock)
        {
            Trim(state.Current);
        }

        return result;
    }

    /// <summary>Drops what can no longer be served: an older generation, or read longer than MaxDataAge ago.</summary>
    public int TrimExpired()
    {
        lock (_lock)
        {
            var version = state.Current;
            var now = time.GetUtcNow();
            var expired = _entries
                .Where(e => e.Value.Task.IsCompleted && !(e.Value.Task.IsCompletedSuccessfully && e.Value.Task.Result.Stamp.Version.Generation == version.Generation && now - e.Value.Task.Result.Stamp.ReadAt < _options.MaxDataAge))
                .Select(e => e.Key)
                .ToArray();
            foreach (var key in expired)
            {
                _entries.Remove(key);
            }

            return expired.Length;
        }
    }

    private bool Usable(Entry entry, DataVersion version, DateTimeOffset now)
    {
        if (!entry.Task.IsCompleted)
        {
            // A read started after the last announced change includes it.
            return entry.StartedFor == version && now - entry.Started < _options.MaxDataAge;
        }

        return entry.Task.IsCompletedSuccessfully && entry.Task.Result.Stamp.IsCurrent(version, now, _options.MaxDataAge);
    }

    private async Task<CachedObservations> ExtendAsync(Task<CachedObservations> previous, StanceFilter filter, DataVersion version)
    {
        CachedObservations before;
        try
        {
            before = await previous;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return await ReadAsync(filter, version, null);
        }

        if (before.Stamp.Version.Generation != version.Generation || time.GetUtcNow() - before.Stamp.ReadAt >= _options.MaxDataAge)
        {
            return await ReadAsync(filter, version, null);
        }

        // Data only grew since: too many stays too many; otherwise read just the new pieces.
        return before.Snapshot is null
            ? before with { Stamp = before.Stamp with { Version = version } }
            : await ReadAsync(filter, version, before);
    }

    // A whole read, or (given what was read before) the pieces stored since; the stamp keeps the
    // time of the last whole read, so MaxDataAge still bounds how old the oldest part may be. A
    // store that cannot tell what was added (ids not committed in order) answers with everything.
    private async Task<CachedObservations> ReadAsync(StanceFilter filter, DataVersion version, CachedObservations? previous)
    {
        await Task.Yield(); // callers holding the lock never run the read
        var now = time.GetUtcNow();
        var afterPieceId = previous?.Stamp.MaxPieceId ?? 0;
        var remaining = MaxObservations - (previous?.Snapshot?.Count ?? 0);
        var read = await store.ListObservationsSinceAsync(filter, afterPieceId, Math.Max(1, remaining), CancellationToken.None);
        Interlocked.Increment(ref _reads);
        if (read.Complete || previous?.Snapshot is null)
        {
            var whole = new DataStamp(version, read.MaxPieceId, now);
            return read.Observations.Count > MaxObservations
                ? new CachedObservations(null, whole)
                : new CachedObservations(new ObservationSnapshot(read.Observations, filter), whole);
        }

        var stamp = new DataStamp(version, Math.Max(read.MaxPieceId, afterPieceId), previous.Stamp.ReadAt);
        return read.Observations.Count > remaining
            ? new CachedObservations(null, stamp)
            : new CachedObservations(previous.Snapshot.Append(read.Observations), stamp);
    }

    private async Task ForgetOnFailureAsync(string key, Entry entry)
    {
        try
        {
            await entry.Task;
        }
        catch
        {
            lock (_lock)
            {
                if (_entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
                {
                    _entries.Remove(key);
                }
            }
        }
    }

    // Drops what can no longer be served (an older generation), then the least recently used
    // completed entries while over the limits. Called under the lock.
    private void Trim(DataVersion version)
    {
        List<string>? stale = null;
        long observations = 0;
        foreach (var (key, entry) in _entries)
        {
            if (entry.StartedFor.Generation < version.Generation && entry.Task.IsCompleted)
            {
                (stale ??= []).Add(key);
            }
            else if (entry.Task.IsCompletedSuccessfully)
            {
                observations += entry.Task.Result.Snapshot?.Count ?? 0;
            }
        }

        foreach (var key in stale ?? [])
        {
            _entries.Remove(key);
        }

        while (_entries.Count > _options.CachedFilters || observations > _options.CachedObservations)
        {
            var oldest = _entries.Where(e => e.Value.Task.IsCompleted).MinBy(e => e.Value.LastUsed);
            if (oldest.Key is null)
            {
                return;
            }

            observations -= oldest.Value.Task.IsCompletedSuccessfully ? oldest.Value.Task.Result.Snapshot?.Count ?? 0 : 0;
            _entries.Remove(oldest.Key);
        }
    }

    private sealed class Entry(Task<CachedObservations> task, DataVersion startedFor, DateTimeOffset started)
    {
        public Task<CachedObservations> Task { get; } = task;

        public DataVersion StartedFor { get; } = startedFor;

        public DateTimeOffset Started { get; } = started;

        public long LastUsed { get; set; }
    }
}
