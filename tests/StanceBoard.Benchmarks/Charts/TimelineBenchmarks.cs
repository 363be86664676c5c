using BenchmarkDotNet.Attributes;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Export;
using StanceBoard.Dashboard.Charts.Figure;
using Old = StanceBoard.Benchmarks.OldEngine;

namespace StanceBoard.Benchmarks.Charts;

/// <summary>
/// <c>stance-timeline</c> with 3 targets × N daily points, 1800 × 1200 px at 96 dpi (goals: SVG
/// &lt; 20 ms, PNG &lt; 100 ms). The ScottPlot renderer and, in the same run, the hand-written
/// engine it replaced (a copy kept under OldEngine/ only for this comparison).
/// Run: <c>dotnet run -c Release --project tests/StanceBoard.Benchmarks -- --filter '*TimelineBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class TimelineBenchmarks
{
    private IReadOnlyList<StanceObservation> _observations = [];
    private ChartFigure _figure = null!;
    private Old.Spec.ChartSpec _oldSpec = null!;
    private string _oldSvg = string.Empty;

    /// <summary>Points per target; 100,000 shows that downsampling keeps the cost flat.</summary>
    [Params(10_000, 100_000)]
    public int Points { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _observations = Generate(Points);
        _figure = ChartService.BuildFigure(ChartNames.StanceTimeline, _observations, Request());
        _oldSpec = Old.ChartService.BuildSpec(ChartNames.StanceTimeline, _observations, OldRequest());
        _oldSvg = Old.Rendering.ChartRenderer.Render(_oldSpec);
    }

    /// <summary>ScottPlot: figure (already aggregated) to SVG, plots built and rendered.</summary>
    [Benchmark]
    public string ScottPlotSvg() => SvgExport.Render(_figure).Svg;

    /// <summary>ScottPlot: figure to a 1800 × 1200 PNG with pHYs.</summary>
    [Benchmark]
    public byte[] ScottPlotPng() => PngExport.Render(_figure);

    /// <summary>Old engine: spec to SVG.</summary>
    [Benchmark(Baseline = true)]
    public string OldSvg() => Old.Rendering.ChartRenderer.Render(_oldSpec);

    /// <summary>Old engine: SVG to PNG through librsvg, cairo and its own encoder.</summary>
    [Benchmark]
    public byte[] OldSvgToPng() => Old.Export.SvgRasterizer.RenderPng(_oldSvg, _oldSpec.Size, _oldSpec.Title, grey: false);

    private static ChartRequest Request() => new()
    {
        Bin = TimeBin.Day,
        Size = ChartPresets.Resolve(null, 1800, 1200, 96),
    };

    private static Old.ChartRequest OldRequest() => new()
    {
        Bin = TimeBin.Day,
        Size = Old.ChartPresets.Resolve(null, 1800, 1200, 96),
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
