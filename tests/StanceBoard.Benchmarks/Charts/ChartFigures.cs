using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SkiaSharp;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Export;
using StanceBoard.Dashboard.Charts.Figure;

namespace StanceBoard.Benchmarks.Charts;

/// <summary>
/// <c>chart-figures [POINTS] [ROUNDS]</c>: where the time of <c>stance-timeline</c> (3 targets × POINTS
/// daily points, 1800 × 1200 px at 96 dpi) goes, timed with a <see cref="Stopwatch"/>, one JSON line
/// of medians. Each round times every stage once, in turn, so "before" and "after" share the machine's
/// load: the SVG with every path written by SkiaSharp's SVG canvas (before) and with the dense
/// envelopes' data written directly (after, what the app does); the PNG encoded with the "sub" filter
/// at zlib level 4 (before) and "up" at level 1 (after).
/// </summary>
internal static class ChartFigures
{
    public static void Run(string[] args)
    {
        var points = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 31;
        var observations = TimelineBenchmarks.Generate(points);
        var request = TimelineBenchmarks.Request();
        var figure = ChartService.BuildFigure(ChartNames.StanceTimeline, observations, request);
        var stages = new (string Name, Action Run)[]
        {
            ("observations_to_figure", () => ChartService.BuildFigure(ChartNames.StanceTimeline, observations, request)),
            ("figure_draw_no_output", () => DrawNowhere(figure)),
            ("svg_canvas_paths_before", () => SvgExport.Render(figure, deferDensePaths: false)),
            ("svg_after", () => SvgExport.Render(figure)),
            ("png_draw_only", () => DrawRaster(figure)),
            ("png_before_sub_zlib4", () => PngExport.Render(figure, new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 4))),
            ("png_after", () => PngExport.Render(figure)),
            ("observations_to_png", () => ChartService.Render(ChartNames.StanceTimeline, ChartFormat.Png, observations, request)),
        };
        var times = stages.ToDictionary(s => s.Name, _ => new List<double>());
        foreach (var (_, run) in stages)
        {
            run(); // warm-up: JIT, font loading
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in stages)
            {
                var watch = Stopwatch.StartNew();
                run();
                times[name].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var medians = times.ToDictionary(t => t.Key + "_ms", t => Math.Round(Median(t.Value), 2));
        var before = SvgExport.Render(figure, deferDensePaths: false).Svg;
        var after = SvgExport.Render(figure).Svg;
        if (Environment.GetEnvironmentVariable("CHART_FIGURES_OUT") is { Length: > 0 } dir)
        {
            // For looking at them: both SVGs and the PNG.
            File.WriteAllText(Path.Combine(dir, "timeline-before.svg"), before);
            File.WriteAllText(Path.Combine(dir, "timeline-after.svg"), after);
            File.WriteAllBytes(Path.Combine(dir, "timeline.png"), PngExport.Render(figure));
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            what = $"stance-timeline, 3 targets x {points:N0} points, 1800 x 1200 px, medians of {rounds} rounds",
            load_average = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?",
            figures = medians,
            svg_ratio_before_over_after = Math.Round(Median(times["svg_canvas_paths_before"]) / Median(times["svg_after"]), 2),
            svg_chars_before = before.Length,
            svg_chars_after = after.Length,
            png_bytes_before = PngExport.Render(figure, new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 4)).Length,
            png_bytes_after = PngExport.Render(figure).Length,
        }));
    }

    private static void DrawNowhere(ChartFigure figure)
    {
        using var canvas = new SKNoDrawCanvas((int)Math.Ceiling(figure.Size.LayoutWidth), (int)Math.Ceiling(figure.Size.LayoutHeight));
        FigureRenderer.Render(figure, canvas);
    }

    private static void DrawRaster(ChartFigure figure)
    {
        using var surface = SKSurface.Create(new SKImageInfo(figure.Size.WidthPx, figure.Size.HeightPx, SKColorType.Rgb888x, SKAlphaType.Opaque));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale((float)(figure.Size.Dpi / 96.0));
        FigureRenderer.Render(figure, surface.Canvas);
        surface.Canvas.Flush();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
