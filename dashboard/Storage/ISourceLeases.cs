namespace StanceBoard.Dashboard.Storage;

/// <summary>
/// Due sources handed out to pollers, each to one poller at a time, for a limited time: a poller
/// that dies leaves its lease to expire, and the source is then leased to another (a takeover).
/// Recording a poll (<see cref="ISourceStore.RecordPollAsync"/>) or scheduling a source releases it.
/// </summary>
public interface ISourceLeases
{
    /// <summary>Leases up to <paramref name="limit"/> due sources to <paramref name="owner"/> until <paramref name="now"/> + <paramref name="duration"/>.</summary>
    Task<IReadOnlyList<LeasedSource>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan duration, int limit, CancellationToken cancellationToken = default);

    /// <summary>Extends the leases <paramref name="owner"/> still holds on <paramref name="ids"/>; returns how many it still held.</summary>
    Task<int> RenewAsync(string owner, IReadOnlyCollection<long> ids, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Gives leases back unpolled (shutting down), so another poller may take them at once.</summary>
    Task ReleaseAsync(string owner, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);
}

/// <summary>A leased source; <paramref name="PreviousOwner"/> is set when its last lease expired unreleased (a takeover).</summary>
public sealed record LeasedSource(StoredSource Source, string? PreviousOwner)
{
    /// <summary>Whether the source was taken over from a poller that never finished.</summary>
    public bool IsTakeover => PreviousOwner is not null;
}
