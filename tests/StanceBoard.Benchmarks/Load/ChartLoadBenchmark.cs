using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using StanceBoard.Benchmarks.Live;

namespace StanceBoard.Benchmarks.Load;

/// <summary>
/// Anonymous chart load against a full store, printed as JSON:
/// <c>BENCH load [--pieces 30000] [--clients 16] [--seconds 60] [--idle 60] [--post-interval-ms 500] [-- server args]</c>.
/// The dashboard runs as its own process over a database of generated pieces (built once with
/// the <c>ingest</c> verb and kept in the temp folder, then copied for each run). During the load
/// phase C anonymous clients (one HTTP connection each, no think time, Retry-After ignored) ask
/// for random charts as SVG or PNG with a random <c>title</c>, while an annotator posts a piece
/// every interval and a monitor reads <c>/api/health</c> every 250 ms. Reported: POST and health
/// latency (p50/p95/max), chart answers by status, the server's RSS before, at peak, and every
/// 10 s of the idle phase after the load, and its CPU time.
/// </summary>
internal static class ChartLoadBenchmark
{
    private const string AdminKey = "load-admin-key-3c1f9a7e2d";
    private const string AnnotatorKey = "load-annotator-key-8b2e6d4f1a";
    private static readonly string[] Charts = ["stance-timeline", "author-heatmap", "author-positions", "stance-distribution", "outlet-heatmap"];

    public static async Task<int> RunAsync(string[] args)
    {
        var split = Array.IndexOf(args, "--");
        var serverExtra = split >= 0 ? args[(split + 1)..] : [];
        args = split >= 0 ? args[..split] : args;
        var pieces = Option(args, "--pieces", 30_000);
        var clients = Option(args, "--clients", 16);
        var seconds = Option(args, "--seconds", 60);
        var idle = Option(args, "--idle", 60);
        var postInterval = Option(args, "--post-interval-ms", 500);
        var dll = Path.Combine(AppContext.BaseDirectory, "StanceBoard.Dashboard.dll");
        var corpus = Path.Combine(Path.GetTempPath(), $"stanceboard-load-corpus-{pieces}.db");
        if (!File.Exists(corpus))
        {
            await SeedAsync(dll, corpus, pieces);
        }

        var folder = Directory.CreateTempSubdirectory("stanceboard-load-bench-").FullName;
        try
        {
            var db = Path.Combine(folder, "load.db");
            File.Copy(corpus, db);
            var result = new Dictionary<string, object?>
            {
                ["machine"] = $"{Environment.ProcessorCount} cores",
                ["pieces"] = pieces,
                ["clients"] = clients,
                ["seconds"] = seconds,
                ["post_interval_ms"] = postInterval,
                ["server_args"] = string.Join(' ', serverExtra),
            };
            await using var server = await ServerProcess.StartAsync(dll,
                [
                    "--db", db, "--Demo:Enabled=false", $"--Auth:ApiKeys:0={AdminKey}", $"--Auth:AnnotatorKeys:0={AnnotatorKey}",
                    "--Ingestion:Polling:Enabled=false", "--Logging:LogLevel:Default=Warning", .. serverExtra,
                ], "/api/health");

            using (var warm = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) })
            {
                foreach (var chart in Charts)
                {
                    (await warm.GetAsync($"/api/charts/{chart}.svg")).EnsureSuccessStatusCode();
                }

                (await warm.GetAsync("/api/charts/stance-timeline.png")).EnsureSuccessStatusCode();
            }

            await Task.Delay(TimeSpan.FromSeconds(10));
            var before = server.MemoryMb().Rss;
            result["rss_before_mb"] = Math.Round(before, 1);
            Console.Error.WriteLine($"RSS before load: {before:0} MB; load for {seconds} s…");

            var cpuBefore = server.CpuSeconds();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var statuses = new ConcurrentDictionary<int, int>();
            var chartLatency = new ConcurrentBag<double>();
            var peak = before;
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, server.MemoryMb().Rss);
                    await Task.Delay(500, CancellationToken.None);
                }
            });
            var chartClients = Enumerable.Range(0, clients).Select(i => ChartClientAsync(server.Address, i, statuses, chartLatency, stop.Token)).ToList();
            var posts = WriterAsync(server.Address, postInterval, stop.Token);
            var health = MonitorAsync(server.Address, stop.Token);
            await Task.WhenAll(chartClients);
            var postLatency = await posts;
            var healthLatency = await health;
            await sampler;
            var cpu = server.CpuSeconds() - cpuBefore;

            result["post"] = Summary(postLatency);
            result["health"] = Summary(healthLatency);
            result["charts"] = new Dictionary<string, object?>
            {
                ["answers"] = statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(CultureInfo.InvariantCulture), s => (object?)s.Value),
                ["ok_latency"] = Summary([.. chartLatency]),
            };
            result["server_cpu_s"] = Math.Round(cpu, 1);
            result["rss_peak_mb"] = Math.Round(peak, 1);
            Console.Error.WriteLine($"load done (peak RSS {peak:0} MB); idle for {idle} s…");

            var after = new Dictionary<string, object?>();
            for (var t = 10; t <= idle; t += 10)
            {
                await Task.Delay(TimeSpan.FromSeconds(10));
                after[$"{t}s"] = Math.Round(server.MemoryMb().Rss, 1);
            }

            var last = server.MemoryMb().Rss;
            result["rss_after_mb"] = after;
            result["rss_after_over_before"] = Math.Round(last / before, 2);
            Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task SeedAsync(string dll, string corpus, int pieces)
    {
        var jsonl = Path.Combine(Path.GetTempPath(), $"stanceboard-load-corpus-{pieces}.jsonl");
        LoadCorpus.Write(jsonl, pieces, seed: 12);
        Console.Error.WriteLine($"seeding {pieces} pieces into {corpus} (once)…");
        var partial = corpus + ".partial";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "ingest", jsonl, "--db", partial })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && !line.Contains("warn", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine("[ingest] " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ingest exited with {process.ExitCode}");
        }

        File.Move(partial, corpus);
        File.Delete(jsonl);
    }

    private static async Task ChartClientAsync(Uri address, int seed, ConcurrentDictionary<int, int> statuses, ConcurrentBag<double> latency, CancellationToken stop)
    {
        var random = new Random(seed);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        while (!stop.IsCancellationRequested)
        {
            var chart = Charts[random.Next(Charts.Length)];
            var format = random.Next(4) == 0 ? "png" : "svg";
            var title = Convert.ToHexString(BitConverter.GetBytes(random.NextInt64()));
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync($"/api/charts/{chart}.{format}?title={title}", stop);
                await response.Content.ReadAsByteArrayAsync(stop);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (response.IsSuccessStatusCode)
                {
                    latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                statuses.AddOrUpdate(0, 1, (_, n) => n + 1);
            }
        }
    }

    private static async Task<List<double>> WriterAsync(Uri address, int intervalMs, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", AnnotatorKey);
        var latency = new List<double>();
        var random = new Random(99);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var next = Task.Delay(intervalMs, CancellationToken.None);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("/api/pieces", new
            {
                title = $"Annotator piece {i} {Guid.NewGuid():N}",
                text = $"Moscow welcomed the {random.Next(1000)} talks and Ankara praised Baku; observers in the {random.Next(1000)} region agreed. {Guid.NewGuid():N}",
                authors = new[] { $"Load Author {random.Next(400):000}" },
                outlet = $"Load Outlet {random.Next(40)}",
                published = "2020-10-14",
            }, CancellationToken.None);
            latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            await next;
        }

        return latency;
    }

    private static async Task<List<double>> MonitorAsync(Uri address, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        var latency = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            var next = Task.Delay(250, CancellationToken.None);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync("/api/health", CancellationToken.None);
            latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await next;
        }

        return latency;
    }

    private static Dictionary<string, object?> Summary(List<double> values) => new()
    {
        ["n"] = values.Count,
        ["p50_ms"] = Percentile(values, 50),
        ["p95_ms"] = Percentile(values, 95),
        ["max_ms"] = values.Count == 0 ? null : Math.Round(values.Max(), 1),
    };

    private static double? Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(rank, 0, sorted.Length - 1)], 1);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
