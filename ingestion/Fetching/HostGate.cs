using System.Threading.RateLimiting;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>
/// Politeness for one host: a concurrency limit (always) and a token-bucket request rate (when
/// politeness is on) whose tokens are replenished by a timer of the injected <see cref="TimeProvider"/>;
/// and, before a request enters the pipeline, the spacing asked by the host's robots.txt Crawl-delay.
/// </summary>
internal sealed class HostGate : IAsyncDisposable
{
    private readonly ConcurrencyLimiter _concurrency;
    private readonly TimeProviderTokenBucket? _rate;
    private readonly TimeProvider _time;
    private readonly Lock _spacingLock = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;
    private int _inFlight;
    private int _maxInFlight;

    public HostGate(FetchOptions options, TimeProvider time)
    {
        _time = time;
        _concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.PerHostConcurrency,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        if (options.Politeness)
        {
            _rate = new TimeProviderTokenBucket(options.PerHostBurst, TimeSpan.FromSeconds(1 / options.PerHostRequestsPerSecond), time);
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="crawlDelay"/> has passed since the previous request
    /// to this host was let go (robots.txt Crawl-delay). Each caller reserves its start time on
    /// entry, so concurrent requests are spread out rather than released together. Called outside
    /// the resilience pipeline, so this wait is not counted against a request's timeouts.
    /// </summary>
    public Task WaitCrawlDelayAsync(TimeSpan crawlDelay, CancellationToken cancellationToken)
    {
        if (crawlDelay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        TimeSpan wait;
        lock (_spacingLock)
        {
            var now = _time.GetUtcNow();
            var start = _nextStart > now ? _nextStart : now;
            _nextStart = start + crawlDelay;
            wait = start - now;
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, _time, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>The most requests that were ever in flight at once through this gate.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Waits for a concurrency slot and a rate token; dispose the result to free the slot.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        var slot = await _concurrency.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        try
        {
            if (_rate is not null)
            {
                using var token = await _rate.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                if (!token.IsAcquired)
                {
                    throw new ObjectDisposedException(nameof(HostGate));
                }
            }
        }
        catch
        {
            slot.Dispose();
            throw;
        }

        var now = Interlocked.Increment(ref _inFlight);
        var seen = Volatile.Read(ref _maxInFlight);
        while (now > seen && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
            seen = Volatile.Read(ref _maxInFlight);
        }

        return new Lease(this, slot);
    }

    public async ValueTask DisposeAsync()
    {
        if (_rate is not null)
        {
            await _rate.DisposeAsync().ConfigureAwait(false);
        }

        await _concurrency.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Lease(HostGate gate, RateLimitLease slot) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref gate._inFlight);
                slot.Dispose();
            }
        }
    }
}
