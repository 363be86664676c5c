using System.Threading.RateLimiting;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>
/// A token-bucket <see cref="RateLimiter"/> whose tokens are added by a timer of an injected
/// <see cref="TimeProvider"/>. The built-in <see cref="TokenBucketRateLimiter"/> measures elapsed
/// time with the real stopwatch even when replenished by hand, so it cannot follow a fake clock.
/// </summary>
internal sealed class TimeProviderTokenBucket : RateLimiter
{
    private readonly Lock _lock = new();
    private readonly Queue<Waiter> _queue = new();
    private readonly int _capacity;
    private readonly ITimer _timer;
    private int _tokens;
    private bool _disposed;

    public TimeProviderTokenBucket(int capacity, TimeSpan period, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _tokens = capacity;
        _timer = time.CreateTimer(static s => ((TimeProviderTokenBucket)s!).Replenish(), this, period, period);
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = _tokens, CurrentQueuedCount = _queue.Count };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            if (!_disposed && _queue.Count == 0 && _tokens >= permitCount)
            {
                _tokens -= permitCount;
                return Lease.Acquired;
            }

            return Lease.Refused;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _capacity);
        Waiter waiter;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_queue.Count == 0 && _tokens >= permitCount)
            {
                _tokens -= permitCount;
                return ValueTask.FromResult<RateLimitLease>(Lease.Acquired);
            }

            waiter = new Waiter(permitCount);
            _queue.Enqueue(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() => waiter.Completion.TrySetCanceled(cancellationToken));
        }

        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    protected override void Dispose(bool disposing)
    {
        List<Waiter> pending;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            pending = [.. _queue];
            _queue.Clear();
        }

        _timer.Dispose();
        foreach (var waiter in pending)
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult(Lease.Refused);
        }

        base.Dispose(disposing);
    }

    private void Replenish()
    {
        var ready = new List<Waiter>();
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _tokens = Math.Min(_capacity, _tokens + 1);
            while (_queue.Count > 0)
            {
                var next = _queue.Peek();
                if (next.Completion.Task.IsCompleted)
                {
                    _queue.Dequeue();
                    continue;
                }

                if (_tokens < next.Permits)
                {
                    break;
                }

                _queue.Dequeue();
                _tokens -= next.Permits;
                ready.Add(next);
            }
        }

        foreach (var waiter in ready)
        {
            waiter.Registration.Dispose();
            if (!waiter.Completion.TrySetResult(Lease.Acquired))
            {
                // Cancelled at the same moment: give the token back.
                lock (_lock)
                {
                    _tokens = Math.Min(_capacity, _tokens + waiter.Permits);
                }
            }
        }
    }

    private sealed class Waiter(int permits)
    {
        public int Permits { get; } = permits;

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
