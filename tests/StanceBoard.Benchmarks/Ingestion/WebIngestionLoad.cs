using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Pipeline;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Benchmarks.Ingestion;

/// <summary>
/// The web-ingestion goal run: 1,000 articles in 20 feeds on 4 loopback hosts with 20 % of
/// requests faulted. Polls every feed until every article is stored, checks each was stored
/// exactly once and that per-host limits held, then polls once more and counts 304s.
/// Prints one JSON object. Politeness (robots and request rate) is off; per-host concurrency is on.
/// </summary>
internal static class WebIngestionLoad
{
    private const int Hosts = 4;
    private const int FeedsPerHost = 5;
    private const int ArticlesPerFeed = 50;
    private const int PerHostConcurrency = 4;
    private const int MaxRounds = 6;

    public static async Task<int> RunAsync(string[] args)
    {
        var faultRate = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 0.2;
        await using var server = await FaultyNewsServer.StartAsync(Hosts, ArticlesPerFeed, seed: 42);
        server.FaultRate = faultRate;
        var options = new FetchOptions
        {
            AllowPrivateNetworks = true,
            Politeness = false,
            PerHostConcurrency = PerHostConcurrency,
            AttemptTimeout = TimeSpan.FromSeconds(1),
            TotalTimeout = TimeSpan.FromSeconds(20),
            MaxRetries = 4,
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            BreakerBreakDuration = TimeSpan.FromSeconds(2),
            BreakerMinimumThroughput = 20,
        };
        await using var fetcher = new WebFetcher(options, random: new Random(7));
        var state = new InMemoryIngestionState();
        var pipeline = new WebIngestionPipeline(fetcher, state, new IngestionOptions { MaxParallelItems = 16, MaxItemsPerPoll = 200 });
        var sources = server.Hosts.SelectMany((host, h) => Enumerable.Range(0, FeedsPerHost).Select(f => new WebSource { Id = $"h{h}f{f}", Url = new Uri(host, $"feeds/{f}.xml") })).ToList();
        var stored = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var rounds = new List<object>();
        var total = Stopwatch.StartNew();
        TimeSpan? allStoredAt = null;
        for (var round = 1; round <= MaxRounds && stored.Count < Hosts * FeedsPerHost * ArticlesPerFeed; round++)
        {
            var watch = Stopwatch.StartNew();
            var reports = await Task.WhenAll(sources.Select(s => pipeline.PollAsync(s, (item, _) =>
            {
                if (item is { Status: IngestionItemStatus.New, CanonicalUrl: { } url })
                {
                    stored.AddOrUpdate(url, 1, (_, n) => n + 1);
                }

                state.Remember(item);
                return ValueTask.CompletedTask;
            })));
            rounds.Add(new
            {
                round,
                wallSeconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
                newPieces = reports.Sum(r => r.Counts.GetValueOrDefault(IngestionItemStatus.New)),
                failedItems = reports.Sum(r => r.Counts.GetValueOrDefault(IngestionItemStatus.Failed)),
                feedFailures = reports.Count(r => !r.Succeeded),
                feedsNotModified = reports.Count(r => r.Fetch.ErrorKind == FetchErrorKind.NotModified),
            });
            Console.Error.WriteLine($"round {round}: stored {stored.Count} in {watch.Elapsed.TotalSeconds:0.0} s");
        }

        allStoredAt = total.Elapsed;
        var final = await Task.WhenAll(sources.Select(s => pipeline.PollAsync(s, (item, _) => ValueTask.CompletedTask)));
        var log = state.FetchLog.ToList();
        var expected = Hosts * FeedsPerHost * ArticlesPerFeed;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            articles = expected,
            feeds = sources.Count,
            hosts = Hosts,
            faultRate,
            politeness = false,
            perHostConcurrency = PerHostConcurrency,
            stored = stored.Count,
            storedExactlyOnce = stored.Count == expected && stored.Values.All(n => n == 1),
            storedTwice = stored.Count(kv => kv.Value > 1),
            wallSecondsUntilAllStored = Math.Round(allStoredAt.Value.TotalSeconds, 2),
            piecesPerSecond = Math.Round(stored.Count / allStoredAt.Value.TotalSeconds, 1),
            rounds,
            finalPoll = new
            {
                feeds = final.Length,
                notModified = final.Count(r => r.Fetch.ErrorKind == FetchErrorKind.NotModified),
                fullDownloads = final.Count(r => r.Fetch.ErrorKind == FetchErrorKind.None),
                failed = final.Count(r => !r.Succeeded),
                newPieces = final.Sum(r => r.Counts.GetValueOrDefault(IngestionItemStatus.New)),
            },
            perHostMaxInFlightServer = server.MaxInFlightPerPort.Values.Order().ToArray(),
            perHostMaxInFlightClient = fetcher.GetMaxInFlightPerHost().Values.Order().ToArray(),
            perHostLimitRespected = server.MaxInFlightPerPort.Values.All(v => v <= PerHostConcurrency),
            requests = log.Sum(e => e.Attempts),
            fetches = log.Count,
            faultsInjected = server.Faults.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value),
            fetchErrors = log.Where(e => e.ErrorKind is not (FetchErrorKind.None or FetchErrorKind.NotModified)).GroupBy(e => e.ErrorKind.ToString()).ToDictionary(g => g.Key, g => g.Count()),
        }));
        return 0;
    }
}
