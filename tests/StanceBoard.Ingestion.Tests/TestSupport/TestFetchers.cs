using StanceBoard.Ingestion.Fetching;

namespace StanceBoard.Ingestion.Tests.TestSupport;

/// <summary>Fetch options for tests against the loopback server: private networks allowed, no politeness, short timeouts.</summary>
internal static class TestFetchers
{
    public static FetchOptions Options(Action<FetchOptions>? configure = null)
    {
        var options = new FetchOptions
        {
            AllowPrivateNetworks = true,
            Politeness = false,
            AttemptTimeout = TimeSpan.FromSeconds(5),
            TotalTimeout = TimeSpan.FromSeconds(60),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromSeconds(30),
            BreakerMinimumThroughput = 100,
        };
        configure?.Invoke(options);
        return options;
    }

    public static WebFetcher Create(Action<FetchOptions>? configure = null, TimeProvider? time = null) =>
        new(Options(configure), time, new Random(7));
}
