using System.Collections.Concurrent;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>
/// One Polly pipeline per host: total timeout → retry (exponential backoff, jitter, Retry-After)
/// → circuit breaker → politeness gate → attempt timeout. The breaker and gate are per host,
/// so one failing site never slows down or trips the others.
/// </summary>
internal sealed class HostPipelines(FetchOptions options, TimeProvider time, Random random) : IAsyncDisposable
{
    public static readonly ResiliencePropertyKey<AttemptInfo> InfoKey = new("StanceBoard.AttemptInfo");

    private readonly ConcurrentDictionary<string, Lazy<Entry>> _hosts = new(StringComparer.Ordinal);
    private readonly Lock _randomLock = new();

    public ResiliencePipeline<HttpResponseMessage> For(string host) => Get(host).Pipeline;

    /// <summary>Waits for <paramref name="host"/>'s next turn under a Crawl-delay of <paramref name="delay"/> (see <see cref="HostGate.WaitCrawlDelayAsync"/>).</summary>
    public Task WaitCrawlDelayAsync(string host, TimeSpan delay, CancellationToken cancellationToken) =>
        Get(host).Gate.WaitCrawlDelayAsync(delay, cancellationToken);

    public HostCircuitState CircuitState(string host) =>
        _hosts.TryGetValue(host, out var lazy) && lazy.IsValueCreated
            ? lazy.Value.State.CircuitState switch
            {
                Polly.CircuitBreaker.CircuitState.Open or Polly.CircuitBreaker.CircuitState.Isolated => HostCircuitState.Open,
                Polly.CircuitBreaker.CircuitState.HalfOpen => HostCircuitState.HalfOpen,
                _ => HostCircuitState.Closed,
            }
            : HostCircuitState.Closed;

    public IReadOnlyDictionary<string, int> MaxInFlight() =>
        _hosts.Where(h => h.Value.IsValueCreated).ToDictionary(h => h.Key, h => h.Value.Value.Gate.MaxInFlight, StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        foreach (var entry in _hosts.Values.Where(l => l.IsValueCreated))
        {
            await entry.Value.Gate.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Entry Get(string host) => _hosts.GetOrAdd(host, h => new Lazy<Entry>(() => Create(h))).Value;

    private Entry Create(string host)
    {
        var gate = new HostGate(options, time);
        var state = new CircuitBreakerStateProvider();
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time, Name = host };
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout, Name = "Total" });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                Randomizer = NextDouble,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(TransientFailure.RetryAfter(args.Outcome.Result, time.GetUtcNow())),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(InfoKey, out var info))
                    {
                        info.LastFailure = TransientFailure.Describe(args.Outcome);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
            StateProvider = state,
            ShouldHandle = args => ValueTask.FromResult(TransientFailure.IsTransient(args.Outcome)),
        });
        builder.AddStrategy(_ => new HostGateStrategy(gate), new HostGateStrategy.Options());
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout, Name = "Attempt" });
        return new Entry(builder.Build(), gate, state);
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (!TransientFailure.IsTransient(outcome))
        {
            return false;
        }

        var retryAfter = TransientFailure.RetryAfter(outcome.Result, time.GetUtcNow());
        if (retryAfter > options.MaxRetryDelay)
        {
            if (context.Properties.TryGetValue(InfoKey, out var info))
            {
                info.RetryAfterRefused = retryAfter;
            }

            return false;
        }

        return true;
    }

    private double NextDouble()
    {
        lock (_randomLock)
        {
            return random.NextDouble();
        }
    }

    private sealed record Entry(ResiliencePipeline<HttpResponseMessage> Pipeline, HostGate Gate, CircuitBreakerStateProvider State);
}
