using Microsoft.Extensions.Options;

namespace StanceBoard.Dashboard.ChartServing;

/// <summary>
/// Bounds chart work for HTTP requests: at most <see cref="ChartServingOptions.MaxConcurrentRenders"/>
/// at once and <see cref="ChartServingOptions.MaxQueuedRenders"/> waiting; one more is refused
/// at once (<see cref="RenderQueueFullException"/>) rather than queued without end.
/// </summary>
internal sealed class ChartRenderGate
{
    private readonly SemaphoreSlim _slots;
    private readonly int _maxQueued;
    private readonly TimeSpan _retryAfter;
    private int _waiting;

    public ChartRenderGate(IOptions<ChartServingOptions> options)
    {
        var o = options.Value;
        Capacity = o.MaxConcurrentRenders;
        _slots = new SemaphoreSlim(o.MaxConcurrentRenders, o.MaxConcurrentRenders);
        _maxQueued = o.MaxQueuedRenders;
        _retryAfter = TimeSpan.FromSeconds(o.RetryAfterSeconds);
    }

    /// <summary>Render slots in all.</summary>
    public int Capacity { get; }

    /// <summary>Slots in use now.</summary>
    public int Running => Capacity - _slots.CurrentCount;

    /// <summary>Requests waiting for a slot now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Takes a slot, waiting in the queue when all are busy; dispose the lease to give it back.</summary>
    /// <exception cref="RenderQueueFullException">All slots are busy and the queue is full.</exception>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (_slots.Wait(0, CancellationToken.None))
        {
            return new Lease(_slots);
        }

        if (Interlocked.Increment(ref _waiting) > _maxQueued)
        {
            Interlocked.Decrement(ref _waiting);
            throw new RenderQueueFullException(_retryAfter);
        }

        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Lease(_slots);
    }

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
