using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Export;

namespace StanceBoard.Dashboard.Tests.Charts.Export;

/// <summary>
/// The SVG of a dense timeline, whose envelope paths are written directly rather than by
/// SkiaSharp's SVG canvas: the same document a reader gets from the canvas, only faster.
/// </summary>
public sealed partial class SvgExportTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Render_DenseTimeline_WritesTheEnvelopesDirectlyWithTheCanvasVertices()
    {
        var figure = ChartService.BuildFigure(ChartNames.StanceTimeline, ChartFixtures.Dense(10_000), new ChartRequest { Bin = TimeBin.Day, Size = ChartPresets.Resolve(null, 1800, 1200, 96) });

        var (direct, drawn) = SvgExport.Render(figure);
        var (canvas, _) = SvgExport.Render(figure, deferDensePaths: false);

        // 3 targets × (band + line), each one run: six paths went the direct way.
        drawn.SvgPaths.ShouldNotBeNull().Paths.Count.ShouldBe(6);
        var directPaths = Paths(direct);
        var canvasPaths = Paths(canvas);
        directPaths.Count.ShouldBe(canvasPaths.Count);
        for (var i = 0; i < directPaths.Count; i++)
        {
            // Same element, paint and clip; the same polygon (the canvas repeats the first vertex before Z).
            var (d, c) = (directPaths[i], canvasPaths[i]);
            d.Attributes().Where(a => a.Name != "d" && a.Name != "clip-path").Select(a => a.ToString())
                .ShouldBe(c.Attributes().Where(a => a.Name != "d" && a.Name != "clip-path").Select(a => a.ToString()));
            Vertices(d.Attribute("d")!.Value).ShouldBe(Vertices(c.Attribute("d")!.Value));
        }

        directPaths.Count(p => p.Attribute("d")!.Value.Length > 10_000).ShouldBe(6, "the envelopes' data is in the document");
        Regex.Replace(direct, @"\sd=""[^""]*""|sb[0-9a-f]{8}-", string.Empty)
            .ShouldBe(Regex.Replace(canvas, @"\sd=""[^""]*""|sb[0-9a-f]{8}-", string.Empty), "nothing else differs");
    }

    [Fact]
    public void Render_DenseTimelineInBursts_GivesTheCanvasPathsForEveryRun()
    {
        // Bursts of five days, 60 days apart, for 170 years: dense (more bins than pixel columns),
        // yet a gap between every burst, so each target has a band and a line path per burst:
        // thousands of paths, all of which must come out as the canvas draws them.
        var start = new DateTimeOffset(2000, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var observations = ChartFixtures.Targets
            .SelectMany((target, t) => Enumerable.Range(0, 5_000).Select(i => new StanceObservation((t * 10_000L) + i, start.AddDays((65 * (i / 5)) + (i % 5)), "Author", "Outlet", target, Stance.Favor, Math.Sin(i * 0.1), "v1")))
            .ToList();
        var figure = ChartService.BuildFigure(ChartNames.StanceTimeline, observations, new ChartRequest { Bin = TimeBin.Day, Size = ChartPresets.Resolve(null, 1800, 1200, 96) });

        var (direct, _) = SvgExport.Render(figure);
        var (canvas, _) = SvgExport.Render(figure, deferDensePaths: false);

        var directPaths = Paths(direct);
        var canvasPaths = Paths(canvas);
        directPaths.Count.ShouldBe(canvasPaths.Count);
        for (var i = 0; i < directPaths.Count; i++)
        {
            Vertices(directPaths[i].Attribute("d")!.Value).ShouldBe(Vertices(canvasPaths[i].Attribute("d")!.Value), $"path {i}");
        }
    }

    [Fact]
    public void Render_DenseTimelineTwice_GivesTheSameDocument()
    {
        var request = new ChartRequest { Bin = TimeBin.Day };
        var observations = ChartFixtures.Dense(5_000);

        var first = ChartService.RenderSvg(ChartNames.StanceTimeline, observations, request);
        var second = ChartService.RenderSvg(ChartNames.StanceTimeline, observations, request);

        second.ShouldBe(first);
        XDocument.Parse(first).Root!.Name.ShouldBe(Svg + "svg");
    }

    [Fact]
    public void Render_AuthorNamedLikeAClipId_KeepsTheNameAsWritten()
    {
        const string name = "cl_1f";
        var observations = ChartFixtures.Karabakh().Append(new StanceObservation(77_001, new DateTimeOffset(2020, 10, 2, 9, 0, 0, TimeSpan.Zero), name, "Outlet", "Turkey", Stance.Favor, 0.6, "v1")).ToList();

        var svg = ChartService.RenderSvg(ChartNames.AuthorHeatmap, observations, new ChartRequest());

        var document = XDocument.Parse(svg);
        document.Descendants(Svg + "text").Select(t => t.Value.Trim()).ShouldContain(name);
        var ids = document.Descendants(Svg + "clipPath").Select(c => c.Attribute("id")!.Value).ToList();
        ids.ShouldNotBeEmpty();
        ids.ShouldAllBe(id => Regex.IsMatch(id, "^sb[0-9a-f]{8}-clip[0-9]+$"));
    }

    [Theory]
    [InlineData(12f, "12")]
    [InlineData(12.5f, "12.5")]
    [InlineData(-0.04f, "0")]
    [InlineData(-0.5f, "-0.5")]
    [InlineData(1799.96f, "1800")]
    [InlineData(3e7f, "1000000")]
    public void Tenths_Value_IsShortestTenth(float value, string expected)
    {
        var buffer = new char[32];

        var written = SvgPathData.Tenths(value, buffer);

        new string(buffer, 0, written).ShouldBe(expected);
    }

    private static List<XElement> Paths(string svg) =>
        XDocument.Parse(svg, LoadOptions.None).Descendants(Svg + "path").ToList();

    /// <summary>The polygon's vertices, without a closing vertex that repeats the first.</summary>
    private static List<(double X, double Y)> Vertices(string data)
    {
        var numbers = Number().Matches(data).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        var vertices = Enumerable.Range(0, numbers.Count / 2).Select(i => (numbers[2 * i], numbers[(2 * i) + 1])).ToList();
        if (vertices.Count > 1 && vertices[^1] == vertices[0])
        {
            vertices.RemoveAt(vertices.Count - 1);
        }

        return vertices;
    }

    [GeneratedRegex(@"-?[0-9]+(\.[0-9]+)?(e-?[0-9]+)?")]
    private static partial Regex Number();
}
