using System.Text.RegularExpressions;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Rendering;

namespace StanceBoard.Dashboard.Tests.Charts.Rendering;

public sealed partial class ChartRendererTests
{
    [Fact]
    public void Steps_RunInOrder_LayoutFirstFooterLast()
    {
        ChartRenderer.StepNames[0].ShouldBe("LayoutStep");
        ChartRenderer.StepNames.ToList().IndexOf("GridStep").ShouldBeLessThan(ChartRenderer.StepNames.ToList().IndexOf("PlottablesStep"));
        ChartRenderer.StepNames.ToList().IndexOf("PlottablesStep").ShouldBeLessThan(ChartRenderer.StepNames.ToList().IndexOf("AxesStep"));
        ChartRenderer.StepNames[^1].ShouldBe("FooterStep");
    }

    [Fact]
    public void RenderSvg_ManyPoints_DownsamplesToPixelColumns()
    {
        var request = new ChartRequest { Bin = TimeBin.Day, Size = ChartPresets.Resolve(null, 900, 600, 96) };

        var small = ChartService.RenderSvg(ChartNames.StanceTimeline, ChartFixtures.Dense(10_000), request);
        var large = ChartService.RenderSvg(ChartNames.StanceTimeline, ChartFixtures.Dense(40_000), request);

        // At most first/min/max/last per pixel column per series (3 series, line + band outline).
        var vertices = Vertices().Count(small);
        vertices.ShouldBeLessThan(3 * 900 * 4 * 3);
        Vertices().Count(large).ShouldBeLessThan(3 * 900 * 4 * 3);
        small.Length.ShouldBeLessThan(1_000_000);
    }

    [Fact]
    public void RenderSvg_TooManyAuthorsForHeight_ShowsMostProlificAndSaysSo()
    {
        var observations = Enumerable.Range(0, 120).SelectMany(a => Enumerable.Range(0, a % 7 == 0 ? 9 : 1).Select(p =>
            new StanceObservation((a * 100) + p, new DateTimeOffset(2020, 10, 1, 0, 0, 0, TimeSpan.Zero), $"Author {a:000}", "O", "Russia", Stance.None, 0.1, "v1")))
            .ToList();

        var svg = ChartService.RenderSvg(ChartNames.AuthorHeatmap, observations, new ChartRequest());

        svg.ShouldMatch("Showing [0-9]+ of 120 authors with the most pieces");
        svg.ShouldContain(">Author 119<"); // 9 pieces: among the most prolific
        svg.ShouldNotContain(">Author 118<"); // 1 piece, last by name
    }

    [GeneratedRegex("[ML][0-9.-]+ [0-9.-]+")]
    private static partial Regex Vertices();
}
