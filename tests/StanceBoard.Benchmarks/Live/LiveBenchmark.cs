using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StanceBoard.Benchmarks.Live;

/// <summary>
/// Latency and fan-out of the live dashboard, printed as JSON:
/// <c>dotnet run -c Release --project tests/StanceBoard.Benchmarks -- live [--pieces 200] [--clients 1000] [--broadcasts 20] [--idle-seconds 5] [--skip-latency] [--bare-relaxed-json]</c>.
/// The dashboard runs as its own process (fresh database, default model, no demo); clients
/// speak the SignalR JSON protocol over WebSockets from this process.
/// <list type="bullet">
/// <item>latency: POST /api/pieces → <c>pieceScored</c> and → the next <c>chartUpdated</c> of each
/// Overview chart in one subscribed client, p50/p95 over N pieces, idle (one at a time) and
/// loaded (50 pieces/s).</item>
/// <item>fan-out: C clients subscribed to the Overview charts; for each posted piece the delivery
/// time of <c>pieceScored</c> and <c>chartUpdated</c> to every client (p50/p99), messages
/// delivered, and the server's CPU (after warm-up, once the server is quiet: steady state) and
/// memory; then the same against a bare SignalR hub that
/// broadcasts the same messages (the piece and the two SVGs the dashboard sent, to the same
/// groups) with nothing behind it, with SignalR's default JSON escaping (or, <c>--bare-relaxed-json</c>,
/// the dashboard's). <c>--skip-latency</c> runs the fan-out part only.</item>
/// </list>
/// </summary>
internal static class LiveBenchmark
{
    private const string Key = "bench-key-5f2c1a9e7d";
    // As the Overview page subscribes in a desktop browser (a 1,100 px and a 540 px panel, snapped to live widths).
    private static readonly string[] OverviewCharts = ["stance-timeline?width=1200&height=516", "author-heatmap?width=480&height=360"];

    public static async Task<int> RunAsync(string[] args)
    {
        var pieces = Option(args, "--pieces", 200);
        var clients = Option(args, "--clients", 1000);
        var broadcasts = Option(args, "--broadcasts", 20);
        var skipLatency = args.Contains("--skip-latency");
        var idleSeconds = Option(args, "--idle-seconds", 5);
        string[] bareArgs = args.Contains("--bare-relaxed-json") ? ["--relaxed-json"] : [];
        var folder = Directory.CreateTempSubdirectory("stanceboard-live-bench-").FullName;
        var dll = Path.Combine(AppContext.BaseDirectory, "StanceBoard.Dashboard.dll");
        var result = new Dictionary<string, object?>
        {
            ["machine"] = $"{Environment.ProcessorCount} cores",
            ["pieces"] = pieces,
            ["clients"] = clients,
            ["bare_hub_json"] = bareArgs.Length > 0 ? "relaxed escaping, as the dashboard" : "SignalR default escaping",
        };
        var messages = string.Empty;
        try
        {
            await using (var server = await ServerProcess.StartAsync(dll,
                [
                    "--db", Path.Combine(folder, "bench.db"), "--Demo:Enabled=false", $"--Auth:ApiKeys:0={Key}",
                    "--Ingestion:Polling:Enabled=false", "--Logging:LogLevel:Default=Warning",
                ], "/api/health"))
            {
                if (!skipLatency)
                {
                    Console.Error.WriteLine("latency, idle…");
                    result["idle"] = await LatencyAsync(server.Address, pieces, perSecond: 0, "idle");
                    Console.Error.WriteLine("latency, 50 pieces/s…");
                    result["loaded_50_per_s"] = await LatencyAsync(server.Address, pieces, perSecond: 50, "loaded");
                }

                Console.Error.WriteLine($"fan-out to {clients} clients…");
                result["fanout_stanceboard"] = await FanOutAsync(server, clients, broadcasts, idleSeconds, StanceBoardPostAsync);
                messages = await SampleMessagesAsync(server.Address);
            }

            await using (var bare = await ServerProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "StanceBoard.Benchmarks.dll"), ["bare-hub", .. bareArgs], "/health"))
            {
                Console.Error.WriteLine($"fan-out to {clients} clients, bare hub…");
                using (var setup = new HttpClient { BaseAddress = bare.Address })
                {
                    (await setup.PostAsync("/messages", new StringContent(messages, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
                }

                result["fanout_bare_hub"] = await FanOutAsync(bare, clients, broadcasts, idleSeconds, (http, title, _) => BarePostAsync(http, title));
            }

            var ours = (Dictionary<string, object?>)result["fanout_stanceboard"]!;
            var bareHub = (Dictionary<string, object?>)result["fanout_bare_hub"]!;
            result["fanout_ratio_piece_p99"] = Ratio(ours["piece_p99_ms"], bareHub["piece_p99_ms"]);
            result["fanout_ratio_cpu"] = Ratio(ours["server_cpu_s"], bareHub["server_cpu_s"]);
            Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Dictionary<string, object?>> LatencyAsync(Uri address, int count, int perSecond, string label)
    {
        using var http = Writer(address);
        await using var client = await SignalRProbe.ConnectAsync(new Uri(address, "hubs/stance"), CancellationToken.None);
        foreach (var chart in OverviewCharts)
        {
            await client.SubscribeAsync(chart, CancellationToken.None);
        }

        await Task.Delay(500);
        var posted = new (string Title, long At)[count];
        var posts = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var title = $"{label} {i} {Guid.NewGuid():N}";
            if (perSecond > 0)
            {
                var due = start + (long)(i * Stopwatch.Frequency / (double)perSecond);
                while (Stopwatch.GetTimestamp() < due)
                {
                    await Task.Delay(1);
                }

                posted[i] = (title, Stopwatch.GetTimestamp());
                posts.Add(StanceBoardPostAsync(http, title, i));
            }
            else
            {
                posted[i] = (title, Stopwatch.GetTimestamp());
                await StanceBoardPostAsync(http, title, i);
                await WaitForAsync(client, "pieceScored", title, TimeSpan.FromSeconds(10));
                await Task.Delay(600); // let the chart render land before the next piece: idle
            }
        }

        await Task.WhenAll(posts);
        await Task.Delay(3000);
        List<(long At, string Target, string Marker)> received;
        lock (client.Received)
        {
            received = [.. client.Received];
        }

        var pieceLatency = new List<double>();
        var chartLatency = new List<double>();
        var charts = received.Where(r => r.Target == "chartUpdated").Select(r => r.At).Order().ToArray();
        foreach (var (title, at) in posted)
        {
            var scored = received.FirstOrDefault(r => r.Target == "pieceScored" && r.Marker == title);
            if (scored.Target is not null)
            {
                pieceLatency.Add(Ms(scored.At - at));
            }

            var next = Array.Find(charts, t => t > at);
            if (next > 0)
            {
                chartLatency.Add(Ms(next - at));
            }
        }

        return new Dictionary<string, object?>
        {
            ["piece_scored_p50_ms"] = Percentile(pieceLatency, 50),
            ["piece_scored_p95_ms"] = Percentile(pieceLatency, 95),
            ["chart_updated_p50_ms"] = Percentile(chartLatency, 50),
            ["chart_updated_p95_ms"] = Percentile(chartLatency, 95),
            ["pieces_delivered"] = pieceLatency.Count,
            ["chart_updates"] = charts.Length,
        };
    }

    private static async Task<Dictionary<string, object?>> FanOutAsync(ServerProcess server, int clients, int broadcasts, int idleSeconds, Func<HttpClient, string, int, Task> post)
    {
        var hub = new Uri(server.Address, "hubs/stance");
        var connected = new List<LeanHubClient>();
        for (var i = 0; i < clients; i += 50)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(50, clients - i)).Select(_ => LeanHubClient.ConnectAsync(hub, CancellationToken.None)));
            connected.AddRange(batch);
        }

        foreach (var chart in OverviewCharts)
        {
            await Task.WhenAll(connected.Select(c => c.SubscribeAsync(chart, CancellationToken.None)));
        }

        await Task.Delay(2000);
        using var http = Writer(server.Address);
        for (var i = 0; i < 3; i++)
        {
            await post(http, $"warm-up {i} {Guid.NewGuid():N}", 1000 + i); // JIT and caches, not counted
            await Task.Delay(1000);
        }

        await Task.Delay(1000);
        // Steady state, not start-up: wait until the server is quiet (the tiered JIT recompiles hot code for
        // tens of seconds after start, far more in the dashboard than in a bare hub), at most a minute.
        for (var settle = 0; settle < 30; settle++)
        {
            var quietStart = server.CpuSeconds();
            await Task.Delay(2000);
            if (server.CpuSeconds() - quietStart < 0.1)
            {
                break;
            }
        }

        Console.Error.WriteLine($"idle with {clients} clients for {idleSeconds} s…");
        var idleStart = server.CpuSeconds();
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        var idleCpu = server.CpuSeconds() - idleStart;
        var cpuBefore = server.CpuSeconds();
        var posted = new List<(string Title, long At)>();
        for (var i = 0; i < broadcasts; i++)
        {
            var title = $"fanout {i} {Guid.NewGuid():N}";
            posted.Add((title, Stopwatch.GetTimestamp()));
            await post(http, title, i);
            await Task.Delay(1000);
        }

        await Task.Delay(4000);
        var cpu = server.CpuSeconds() - cpuBefore;
        var (rss, peak) = server.MemoryMb();
        var pieceDelivery = new List<double>();
        var chartDelivery = new List<double>();
        var complete = 0;
        foreach (var client in connected)
        {
            List<(long At, string Target, string Marker)> received;
            lock (client.Received)
            {
                received = [.. client.Received];
            }

            var got = 0;
            var charts = received.Where(r => r.Target == "chartUpdated").Select(r => r.At).Order().ToArray();
            foreach (var (title, at) in posted)
            {
                var scored = received.FirstOrDefault(r => r.Target == "pieceScored" && r.Marker == title);
                if (scored.Target is not null)
                {
                    pieceDelivery.Add(Ms(scored.At - at));
                    got++;
                }

                var next = Array.Find(charts, t => t > at);
                if (next > 0)
                {
                    chartDelivery.Add(Ms(next - at));
                }
            }

            complete += got == posted.Count ? 1 : 0;
        }

        var svgBytes = 0;
        if (OverviewCharts.Length > 0)
        {
            try
            {
                svgBytes = (await http.GetByteArrayAsync($"/api/charts/{OverviewCharts[0].Replace("?", ".svg?", StringComparison.Ordinal)}")).Length;
            }
            catch (HttpRequestException)
            {
                svgBytes = 0; // the bare hub has no charts API
            }
        }

        await Task.WhenAll(connected.Select(c => c.DisposeAsync().AsTask()));
        return new Dictionary<string, object?>
        {
            ["piece_p50_ms"] = Percentile(pieceDelivery, 50),
            ["piece_p99_ms"] = Percentile(pieceDelivery, 99),
            ["chart_p50_ms"] = Percentile(chartDelivery, 50),
            ["chart_p99_ms"] = Percentile(chartDelivery, 99),
            ["clients_with_every_piece"] = complete,
            ["piece_messages_delivered"] = pieceDelivery.Count,
            ["piece_messages_expected"] = posted.Count * connected.Count,
            ["server_cpu_s"] = Math.Round(cpu, 2),
            ["server_cpu_per_broadcast_ms"] = Math.Round(cpu * 1000 / Math.Max(1, broadcasts), 1),
            ["server_idle_cpu_ms_per_s"] = Math.Round(idleCpu * 1000 / idleSeconds, 1),
            ["server_threads"] = server.Threads(),
            ["server_rss_mb"] = Math.Round(rss, 1),
            ["server_peak_rss_mb"] = Math.Round(peak, 1),
            ["chart_svg_bytes"] = svgBytes,
        };
    }

    private static async Task StanceBoardPostAsync(HttpClient http, string title, int i)
    {
        var text = (i % 3) switch
        {
            0 => "Moscow brokered the truce and the Kremlin deserves some credit for it. Baku accepted.",
            1 => "Ankara armed Baku and cheered the offensive; Turkish drones changed the war.",
            _ => "Azerbaijan regained districts; Russia sent peacekeepers while Turkey watched.",
        };
        var response = await http.PostAsJsonAsync("/api/pieces", new
        {
            title,
            text = text + " " + title,
            authors = new[] { $"Bench Author {i % 12}" },
            outlet = $"Bench Outlet {i % 4}",
            published = new DateTime(2020, 10, 1).AddDays(i % 60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        response.EnsureSuccessStatusCode();
    }

    private static async Task BarePostAsync(HttpClient http, string title) =>
        (await http.PostAsync($"/broadcast?title={Uri.EscapeDataString(title)}", null)).EnsureSuccessStatusCode();

    // What the dashboard sent in the run: a piece as pieceScored carries it, and each Overview chart's current SVG.
    private static async Task<string> SampleMessagesAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        var pieces = JsonNode.Parse(await http.GetStringAsync("/api/pieces?limit=1"))!.AsArray();
        var charts = new JsonArray();
        foreach (var key in OverviewCharts)
        {
            var svg = await http.GetStringAsync($"/api/charts/{key.Replace("?", ".svg?", StringComparison.Ordinal)}");
            charts.Add(new JsonObject { ["key"] = key, ["svg"] = svg });
        }

        return new JsonObject { ["piece"] = pieces[0]!.DeepClone(), ["charts"] = charts }.ToJsonString();
    }

    private static async Task WaitForAsync(SignalRProbe client, string target, string marker, TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            lock (client.Received)
            {
                if (client.Received.Exists(r => r.Target == target && r.Marker == marker))
                {
                    return;
                }
            }

            await Task.Delay(2);
        }
    }

    private static HttpClient Writer(Uri address)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return http;
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

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

    private static double? Ratio(object? a, object? b) =>
        a is double x && b is double y && y > 0 ? Math.Round(x / y, 2) : null;

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
