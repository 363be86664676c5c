using BenchmarkDotNet.Attributes;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Export;
using StanceBoard.Dashboard.Charts.Rendering;
using StanceBoard.Dashboard.Charts.Spec;

namespace StanceBoard.Benchmarks.Charts;

/// <summary>
/// <c>stance-timeline</c> with 3 targets × N daily points (goals: SVG &lt; 20 ms, 1800 × 1200 PNG
/// &lt; 150 ms, on one core). Run: <c>dotnet run -c Release --project tests/StanceBoard.Benchmarks -- --filter '*TimelineBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class TimelineBenchmarks
{
    private IReadOnlyList<StanceObservation> _observations = [];
    private ChartSpec _spec = null!;
    private string _svg = string.Empty;
    private byte[] _pixels = [];
    private int _stride;

    /// <summary>Points per target; 100,000 shows that downsampling keeps the cost flat.</summary>
    [Params(10_000, 100_000)]
    public int Points { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _observations = Generate(Points);
        var request = Request();
        _spec = ChartService.BuildSpec(ChartNames.StanceTimeline, _observations, request);
        _svg = ChartRenderer.Render(_spec);
        (_pixels, _stride) = SvgRasterizer.RenderPixels(_svg, _spec.Size);
    }

    /// <summary>Spec (already aggregated) to SVG: the renderer alone.</summary>
    [Benchmark]
    public string RenderSvg() => ChartRenderer.Render(_spec);

    /// <summary>SVG to a 1800 × 1200 PNG: librsvg + cairo + our PNG encoder.</summary>
    [Benchmark]
    public byte[] SvgToPng() => SvgRasterizer.RenderPng(_svg, _spec.Size, _spec.Title, grey: false);

    /// <summary>The librsvg + cairo part of <see cref="SvgToPng"/>.</summary>
    [Benchmark]
    public int Rasterise() => SvgRasterizer.RenderPixels(_svg, _spec.Size).Stride;

    /// <summary>The PNG encoding part of <see cref="SvgToPng"/>.</summary>
    [Benchmark]
    public byte[] EncodePng() => PngEncoder.Encode(_pixels, _spec.Size.WidthPx, _spec.Size.HeightPx, _stride, _spec.Size.Dpi, _spec.Title, grey: false);

    /// <summary>Observations to PNG: filter, aggregate, build, render, rasterise, encode.</summary>
    [Benchmark]
    public byte[] ObservationsToPng() => ChartService.Render(ChartNames.StanceTimeline, ChartFormat.Png, _observations, Request()).Content;

    private static ChartRequest Request() => new()
    {
        Bin = TimeBin.Day,
        Size = ChartPresets.Resolve(null, 1800, 1200, 96),
    };

    private static List<StanceObservation> Generate(int perTarget)
    {
        string[] targets = ["Russia", "Turkey", "Azerbaijan"];
        var random = new Random(7);
        var start = new DateTimeOffset(1800, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var list = new List<StanceObservation>(perTarget * targets.Length);
        for (var t = 0; t < targets.Length; t++)
        {
            var level = 0.0;
            for (var i = 0; i < perTarget; i++)
            {
                level = Math.Clamp((level * 0.98) + ((random.NextDouble() - 0.5) * 0.2), -0.9, 0.9);
                var score = Math.Clamp(level + ((random.NextDouble() - 0.5) * 0.5), -1, 1);
                var stance = score > 0.2 ? Stance.Favor : score < -0.2 ? Stance.Against : Stance.None;
                list.Add(new StanceObservation((t * 1_000_000L) + i, start.AddDays(i), "Author " + (i % 50), "Outlet " + (i % 7), targets[t], stance, score, "v1"));
            }
        }

        return list;
    }
}
