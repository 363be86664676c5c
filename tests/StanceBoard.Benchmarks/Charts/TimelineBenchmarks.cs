using BenchmarkDotNet.Attributes;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Export;
using StanceBoard.Dashboard.Charts.Figure;

namespace StanceBoard.Benchmarks.Charts;

/// <summary>
/// <c>stance-timeline</c> with 3 targets × N daily points, 1800 × 1200 px at 96 dpi (goals: SVG
/// &lt; 20 ms, PNG &lt; 100 ms). The hand-written engine this renderer replaced was measured in the
/// same run before it was deleted (this file at commit e460822; figures in the README).
/// Run: <c>dotnet run -c Release --project tests/StanceBoard.Benchmarks -- --filter '*TimelineBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class TimelineBenchmarks
{
    private IReadOnlyList<StanceObservation> _observations = [];
    private ChartFigure _figure = null!;

    /// <summary>Points per target; 100,000 shows that downsampling keeps the cost flat.</summary>
    [Params(10_000, 100_000)]
    public int Points { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _observations = Generate(Points);
        _figure = ChartService.BuildFigure(ChartNames.StanceTimeline, _observations, Request());
    }

    /// <summary>ScottPlot: figure (already aggregated) to SVG, plots built and rendered.</summary>
    [Benchmark(Baseline = true)]
    public string ScottPlotSvg() => SvgExport.Render(_figure).Svg;

    /// <summary>ScottPlot: figure to a 1800 × 1200 PNG with pHYs.</summary>
    [Benchmark]
    public byte[] ScottPlotPng() => PngExport.Render(_figure);

    /// <summary>Observations to PNG (filter, aggregate, build, render, encode).</summary>
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
