using System.Collections.Concurrent;

namespace StanceBoard.Dashboard.Pipeline;

/// <summary>
/// Ids of pieces this process already announced, so the store watcher does not announce them
/// twice. Entries are removed once the watcher has passed them.
/// </summary>
public sealed class AnnouncedPieces
{
    private readonly ConcurrentDictionary<long, byte> _ids = new();

    public void Add(long id) => _ids.TryAdd(id, 0);

    /// <summary>True (and forgets it) when <paramref name="id"/> was announced here.</summary>
    public bool TryTake(long id) => _ids.TryRemove(id, out _);
}
