using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StanceBoard.Benchmarks.Ingestion;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Benchmarks.Scale;

/// <summary>
/// <c>scale-ingestion [--store postgres|sqlite] [--workers N] [--politeness on|off] [--faults 0.2] [--hosts 20] [--articles 50]</c>:
/// loopback news hosts (one feed each, a share of requests faulted), N real <c>worker</c>
/// processes on one fresh database, and the sources made due at once. Measures the wall time
/// until every article is stored, checks each was stored once, and prints one JSON object.
/// </summary>
internal static class ScaleIngestionBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var store = Arg(args, "--store", "postgres");
        var workers = int.Parse(Arg(args, "--workers", "1"), CultureInfo.InvariantCulture);
        var polite = Arg(args, "--politeness", "on") == "on";
        var faults = double.Parse(Arg(args, "--faults", "0.2"), CultureInfo.InvariantCulture);
        var hosts = int.Parse(Arg(args, "--hosts", "20"), CultureInfo.InvariantCulture);
        var articles = int.Parse(Arg(args, "--articles", "50"), CultureInfo.InvariantCulture);
        var expected = hosts * articles;

        await using var news = await FaultyNewsServer.StartAsync(hosts, articles, seed: 42);
        news.FaultRate = faults;
        news.HangFor = TimeSpan.FromSeconds(60); // a hang never answers: the client's attempt timeout ends it
        await using var database = await BenchDatabase.CreateAsync(store);
        var settings = new Dictionary<string, string>(database.Settings)
        {
            ["Ingestion__AllowPrivateNetworks"] = "true",
            ["Ingestion__Fetch__Politeness"] = polite ? "true" : "false",
            ["Ingestion__Polling__SeedDefaultSources"] = "false",
            ["Ingestion__Polling__Tick"] = "00:00:01",
            ["Demo__Enabled"] = "false",
        };
        await using var processes = new BoardWorkers();
        await processes.StartAsync(settings, "worker");
        await Task.WhenAll(Enumerable.Range(1, workers - 1).Select(_ => processes.StartAsync(settings, "worker")));

        await using var stores = Stores(database);
        var due = DateTimeOffset.UtcNow.AddSeconds(-1);
        foreach (var host in news.Hosts)
        {
            var source = await stores.GetRequiredService<ISourceStore>().AddSourceAsync(new NewSource(new Uri(host, "feeds/0.xml").AbsoluteUri, host.Authority, SourceKind.Auto, null, TimeSpan.FromMinutes(30), true));
            await stores.GetRequiredService<ISourceStore>().RecordPollAsync(source!.Id, source.Health, due);
        }

        var pieces = stores.GetRequiredService<IStanceStore>();
        var watch = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(int.Parse(Arg(args, "--timeout", "600"), CultureInfo.InvariantCulture));
        long stored;
        var progress = Stopwatch.StartNew();
        while ((stored = await pieces.CountPiecesAsync()) < expected && watch.Elapsed < limit)
        {
            if (progress.Elapsed > TimeSpan.FromSeconds(10))
            {
                Console.Error.WriteLine($"{watch.Elapsed.TotalSeconds:0} s: {stored}/{expected} stored");
                progress.Restart();
            }

            await Task.Delay(100);
        }

        var wall = watch.Elapsed;
        var urls = new List<string?>();
        long after = 0;
        while (true)
        {
            var page = await pieces.ListPiecesAsync(new PieceQuery { AfterId = after, Limit = 500, IncludeCopies = true });
            if (page.Count == 0)
            {
                break;
            }

            urls.AddRange(page.Select(p => p.Url));
            after = page[^1].Id;
        }

        var sourceStore = stores.GetRequiredService<ISourceStore>();
        var log = new List<StanceBoard.Dashboard.Storage.FetchLogRecord>();
        foreach (var source in await sourceStore.ListSourcesAsync())
        {
            log.AddRange(await sourceStore.ListFetchLogAsync(source.Id, 1000));
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            store,
            workers,
            hosts,
            articles = expected,
            faultRate = faults,
            politeness = polite,
            stored,
            storedOnce = urls.Count == expected && urls.Distinct(StringComparer.Ordinal).Count() == expected,
            wallSeconds = Math.Round(wall.TotalSeconds, 1),
            piecesPerSecond = Math.Round(stored / wall.TotalSeconds, 1),
            faultsInjected = news.Faults.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value),
            perHostMaxInFlight = news.MaxInFlightPerPort.Values.DefaultIfEmpty(0).Max(),
            fetches = log.Count,
            fetchOutcomes = log.GroupBy(l => l.ErrorKind.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            failedFetchErrors = log.Where(l => l.Error is not null && l.ErrorKind != StanceBoard.Ingestion.Fetching.FetchErrorKind.NotModified).Select(l => l.Error!.Length > 90 ? l.Error[..90] : l.Error).GroupBy(e => e).OrderByDescending(g => g.Count()).Take(8).ToDictionary(g => g.Key, g => g.Count()),
        }));
        return stored == expected ? 0 : 1;
    }

    internal static ServiceProvider Stores(BenchDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings.ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => (string?)kv.Value)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddStanceBoardStorage(configuration);
        return services.BuildServiceProvider();
    }

    internal static string Arg(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
