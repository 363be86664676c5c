using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using StanceBoard.Benchmarks.Live;

namespace StanceBoard.Benchmarks.Scale;

/// <summary>
/// <c>scale-live [--pieces 200] [--interval-ms 100]</c>: two <c>serve</c> instances on one fresh
/// PostgreSQL database (<c>STANCEBOARD_BENCH_POSTGRES</c>); a page (hub client) on instance B; pieces
/// posted to instance A one by one. Measures POST sent → <c>pieceScored</c> received on B, and
/// prints the percentiles as JSON.
/// </summary>
internal static class CrossInstanceLatencyBenchmark
{
    private const string Key = "bench-admin-key-0c4e8a2f";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(ScaleIngestionBenchmark.Arg(args, "--pieces", "200"), CultureInfo.InvariantCulture);
        var interval = TimeSpan.FromMilliseconds(int.Parse(ScaleIngestionBenchmark.Arg(args, "--interval-ms", "100"), CultureInfo.InvariantCulture));
        await using var database = await BenchDatabase.CreateAsync("postgres");
        var settings = new Dictionary<string, string>(database.Settings)
        {
            ["Auth__ApiKeys__0"] = Key,
            ["Demo__Enabled"] = "false",
            ["Ingestion__Polling__SeedDefaultSources"] = "false",
        };
        await using var processes = new BoardWorkers();
        var portA = FreePort();
        var portB = FreePort();
        await processes.StartAsync(settings, "serve", "--urls", $"http://127.0.0.1:{portA}");
        await processes.StartAsync(settings, "serve", "--urls", $"http://127.0.0.1:{portB}");
        await using var page = await LeanHubClient.ConnectAsync(new Uri($"http://127.0.0.1:{portB}/hubs/stance"), CancellationToken.None);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{portA}/") };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);

        var sent = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var title = string.Create(CultureInfo.InvariantCulture, $"Latency piece {i}");
            sent[title] = Stopwatch.GetTimestamp();
            var response = await client.PostAsJsonAsync("api/pieces", new
            {
                title,
                text = string.Create(CultureInfo.InvariantCulture, $"Piece {i}: Moscow and Ankara argued about the monitors while Baku pressed for a quick settlement of the corridor question."),
                authors = new[] { "Bench Author" },
                outlet = "Bench Review",
                published = "2020-11-12",
            });
            response.EnsureSuccessStatusCode();
            await Task.Delay(interval);
        }

        var deadline = Stopwatch.StartNew();
        while (Received(page) < count && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        List<(long At, string Target, string Marker)> received;
        lock (page.Received)
        {
            received = [.. page.Received.Where(r => r.Target == "pieceScored")];
        }

        var latencies = received.Where(r => sent.ContainsKey(r.Marker)).Select(r => Stopwatch.GetElapsedTime(sent[r.Marker], r.At).TotalMilliseconds).Order().ToArray();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            pieces = count,
            intervalMs = interval.TotalMilliseconds,
            received = latencies.Length,
            p50Ms = Percentile(latencies, 0.50),
            p95Ms = Percentile(latencies, 0.95),
            p99Ms = Percentile(latencies, 0.99),
            maxMs = latencies.Length == 0 ? 0 : Math.Round(latencies[^1], 1),
        }));
        return latencies.Length == count ? 0 : 1;
    }

    private static int Received(LeanHubClient page)
    {
        lock (page.Received)
        {
            return page.Received.Count(r => r.Target == "pieceScored");
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 1);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
