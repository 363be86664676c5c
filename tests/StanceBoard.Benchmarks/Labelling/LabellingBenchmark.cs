using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StanceBoard.Benchmarks.Live;

namespace StanceBoard.Benchmarks.Labelling;

/// <summary>
/// The labelling goals, measured against the dashboard as its own process, printed as JSON:
/// <list type="bullet">
/// <item><c>labelling-queue [--pieces 100000] [--labelled 5000] [--requests 300]</c>: with that many
/// pieces stored (generated, scored by the default model) and labels already saved by two other
/// annotators following the queue, the time of <c>GET /api/labels/queue/next</c> (the whole HTTP
/// request: choosing the piece and sending it with its text, scores and sentences) and of saving
/// the labels, for an annotator working through the queue; p50, p95, max.</item>
/// <item><c>labelling-train [--labels 5000] [--search-regularisation]</c>: with that many labels stored, the time from
/// <c>POST /api/training</c> to the comparison being available (<c>GET /api/training</c> polled
/// every 50 ms), the stages seen on the way, and when the learning curve was done.</item>
/// </list>
/// </summary>
internal static class LabellingBenchmark
{
    private const string AdminKey = "bench-admin-key-3e9b1c7a";
    private const string AnnotatorKey = "bench-annotator-key-8d2f4b6e";

    public static async Task<int> QueueAsync(string[] args)
    {
        var pieces = Option(args, "--pieces", 100_000);
        var labelled = Option(args, "--labelled", 5_000);
        var requests = Option(args, "--requests", 300);
        var folder = Directory.CreateTempSubdirectory("stanceboard-queue-bench-").FullName;
        var database = Path.Combine(folder, "bench.db");
        try
        {
            Console.Error.WriteLine($"storing {pieces:N0} pieces…");
            var watch = Stopwatch.StartNew();
            var truth = await BenchDatabase.FillAsync(database, pieces, seed: 11, CancellationToken.None);
            var fillSeconds = watch.Elapsed.TotalSeconds;
            Console.Error.WriteLine($"labelling {labelled:N0} labels as two other annotators…");
            await BenchDatabase.LabelAsync(database, "seed-one", labelled / 2, truth, CancellationToken.None);
            await BenchDatabase.LabelAsync(database, "seed-two", labelled - (labelled / 2), truth, CancellationToken.None);

            await using var server = await StartAsync(database);
            using var http = Client(server.Address, AnnotatorKey);
            var cpuStart = server.CpuSeconds();
            var next = new List<double>();
            var save = new List<double>();
            long bytes = 0;
            for (var i = 0; i < requests + 10; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync("/api/labels/queue/next");
                var body = await response.Content.ReadAsByteArrayAsync();
                var nextMs = clock.Elapsed.TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"GET next answered {(int)response.StatusCode}");
                }

                var item = JsonDocument.Parse(body).RootElement;
                var pieceId = item.GetProperty("pieceId").GetInt64();
                var targets = item.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray();
                clock.Restart();
                var stances = truth.TryGetValue(pieceId, out var known) ? known : new Dictionary<string, Analysis.Model.Stance>();
                var saved = await http.PostAsJsonAsync("/api/labels", new
                {
                    pieceId,
                    origin = "queue",
                    checkBase = true,
                    labels = targets.Select(t => new { target = t, stance = stances.TryGetValue(t, out var s) ? Analysis.Model.StanceText.ToText(s) : "none" }),
                });
                saved.EnsureSuccessStatusCode();
                var saveMs = clock.Elapsed.TotalMilliseconds;
                if (i >= 10)
                {
                    // The first ten warm the server up (JIT, SQLite page cache) and are not counted.
                    next.Add(nextMs);
                    save.Add(saveMs);
                    bytes += body.Length;
                }
            }

            Print(new Dictionary<string, object?>
            {
                ["machine"] = $"{Environment.ProcessorCount} cores",
                ["pieces"] = pieces,
                ["labels_before"] = labelled,
                ["requests"] = requests,
                ["fill_seconds"] = Math.Round(fillSeconds, 1),
                ["next_ms"] = Percentiles(next),
                ["server_cpu_ms_per_next_and_save"] = Math.Round(1000 * (server.CpuSeconds() - cpuStart) / Math.Max(1, next.Count + 10), 2),
                ["load_average_at_end"] = File.ReadAllText("/proc/loadavg").Split(' ')[0],
                ["save_ms"] = Percentiles(save),
                ["next_mean_bytes"] = bytes / Math.Max(1, next.Count),
            });
            return 0;
        }
        finally
        {
            TryDelete(folder);
        }
    }

    public static async Task<int> TrainAsync(string[] args)
    {
        var labels = Option(args, "--labels", 5_000);
        var search = args.Contains("--search-regularisation");
        var folder = Directory.CreateTempSubdirectory("stanceboard-train-bench-").FullName;
        var database = Path.Combine(folder, "bench.db");
        try
        {
            // Pieces name two targets on average, so about labels / 2 pieces hold the labels.
            var pieces = (int)(labels * 0.6) + 200;
            Console.Error.WriteLine($"storing {pieces:N0} pieces…");
            var truth = await BenchDatabase.FillAsync(database, pieces, seed: 5, CancellationToken.None);
            Console.Error.WriteLine($"labelling {labels:N0} labels…");
            var stored = await BenchDatabase.LabelAsync(database, "seed-one", labels, truth, CancellationToken.None);

            await using var server = await StartAsync(database, search ? ["--Labelling:SearchRegularisation=true"] : []);
            using var http = Client(server.Address, AdminKey);
            var stages = new List<string>();
            var cpuBefore = server.CpuSeconds();
            double? comparisonCpu = null;
            var clock = Stopwatch.StartNew();
            (await http.PostAsJsonAsync("/api/training", new { bootstrapWeight = 1.0 })).EnsureSuccessStatusCode();
            double? comparisonSeconds = null;
            double? curveSeconds = null;
            JsonElement latest = default;
            while (clock.Elapsed < TimeSpan.FromMinutes(10))
            {
                latest = (await http.GetFromJsonAsync<JsonElement>("/api/training")).GetProperty("latest");
                var stage = latest.GetProperty("stage").GetString()!;
                if (stages.Count == 0 || stages[^1] != stage)
                {
                    stages.Add(stage);
                }

                var state = latest.GetProperty("state").GetString();
                if (state is "failed" or "cancelled")
                {
                    throw new InvalidOperationException($"The run ended {state}: {latest.GetProperty("error")}");
                }

                if (state == "finished")
                {
                    comparisonSeconds ??= clock.Elapsed.TotalSeconds;
                    comparisonCpu ??= server.CpuSeconds() - cpuBefore;
                    var curve = latest.GetProperty("result").GetProperty("curve").GetProperty("state").GetString();
                    if (curve != "running")
                    {
                        curveSeconds = clock.Elapsed.TotalSeconds;
                        break;
                    }
                }

                await Task.Delay(50);
            }

            var result = latest.GetProperty("result");
            var comparison = result.GetProperty("comparison");
            Print(new Dictionary<string, object?>
            {
                ["machine"] = $"{Environment.ProcessorCount} cores",
                ["labels_stored"] = stored,
                ["regularisation"] = search ? "searched (3-fold)" : "kept from the active model",
                ["click_to_comparison_seconds"] = Round(comparisonSeconds),
                ["click_to_comparison_server_cpu_seconds"] = Round(comparisonCpu),
                ["learning_curve_done_seconds"] = Round(curveSeconds),
                ["load_average_at_end"] = File.ReadAllText("/proc/loadavg").Split(' ')[0],
                ["timings"] = result.GetProperty("timings"),
                ["inputs"] = result.GetProperty("inputs"),
                ["held_out_labels"] = comparison.GetProperty("heldOutLabels").GetInt32(),
                ["f_avg_baseline"] = comparison.GetProperty("baseline").GetProperty("metrics").GetProperty("fAvg").GetDouble(),
                ["f_avg_candidate"] = comparison.GetProperty("candidate").GetProperty("metrics").GetProperty("fAvg").GetDouble(),
                ["stages_seen"] = stages,
            });
            return 0;
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private static Task<ServerProcess> StartAsync(string database, string[]? extra = null) =>
        ServerProcess.StartAsync(
            Path.Combine(AppContext.BaseDirectory, "StanceBoard.Dashboard.dll"),
            [
                "--db", database, "--Demo:Enabled=false", $"--Auth:ApiKeys:0={AdminKey}", $"--Auth:AnnotatorKeys:0={AnnotatorKey}",
                "--Ingestion:Polling:Enabled=false", "--Logging:LogLevel:Default=Warning", .. extra ?? [],
            ],
            "/api/health");

    private static HttpClient Client(Uri address, string key)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    private static Dictionary<string, double> Percentiles(List<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Dictionary<string, double>
        {
            ["p50"] = Math.Round(At(0.5), 2),
            ["p95"] = Math.Round(At(0.95), 2),
            ["max"] = Math.Round(sorted[^1], 2),
        };
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;

    private static void Print(object value) => Console.WriteLine(JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true }));

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
