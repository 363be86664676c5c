namespace StanceBoard.Dashboard.Storage;

/// <summary>A leased chunk: the stored pieces with ids from <paramref name="FirstId"/> to <paramref name="LastId"/>.</summary>
/// <param name="FirstId">The first piece id (the chunk's key within its run).</param>
/// <param name="LastId">The last piece id.</param>
/// <param name="Pieces">How many pieces the chunk held when it was planned.</param>
/// <param name="PreviousOwner">Set when the chunk's last lease ran out unfinished (a takeover).</param>
public sealed record RescoreChunk(long FirstId, long LastId, int Pieces, string? PreviousOwner)
{
    /// <summary>Whether the chunk was taken over from a process that never finished it.</summary>
    public bool IsTakeover => PreviousOwner is not null;
}
