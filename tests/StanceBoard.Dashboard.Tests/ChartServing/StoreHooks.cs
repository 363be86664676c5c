using StanceBoard.Analysis.Aggregation;

namespace StanceBoard.Dashboard.Tests.ChartServing;

/// <summary>What a test sees of, and does to, the store's observation reads (see <see cref="ObservedStore"/>).</summary>
public sealed class StoreHooks
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<long> _after = new();
    private int _reads;

    /// <summary>Observation reads so far (whole or incremental).</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>For each read of only what was added, the piece id it read after.</summary>
    public IReadOnlyList<long> IncrementalReadsAfter => [.. _after.Where(a => a > 0)];

    /// <summary>Runs before each observation read: may wait (a gate the test holds) or throw (a failing chart).</summary>
    public Func<StanceFilter, Task> BeforeRead { get; set; } = _ => Task.CompletedTask;

    internal Task OnReadAsync(StanceFilter filter, long afterPieceId)
    {
        Interlocked.Increment(ref _reads);
        _after.Enqueue(afterPieceId);
        return BeforeRead(filter);
    }
}
