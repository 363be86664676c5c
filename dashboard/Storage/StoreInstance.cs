using System.Globalization;

namespace StanceBoard.Dashboard.Storage;

/// <summary>
/// This process's name towards a shared store: the owner written on the leases it takes and the
/// origin of the notifications it sends (so it can tell its own from others').
/// </summary>
public sealed class StoreInstance
{
    /// <summary>A name unique among the processes on one database: host, process id and a random part.</summary>
    public string Id { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.MachineName}-{Environment.ProcessId}-{Random.Shared.Next(0x10000):x4}");
}
