using SkiaSharp;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.Charts;

namespace StanceBoard.Dashboard.Tests.Charts;

/// <summary>The marks the page links (heatmap cells, position bars): right cells, right values, right places.</summary>
public sealed class ChartMarksTests
{
    [Fact]
    public void RenderView_AuthorHeatmap_HasOneMarkPerCellWithItsEstimate()
    {
        var observations = ChartFixtures.Karabakh();
        var expected = StanceAggregator.Aggregate(observations, AggregateDimension.Author, AggregationOptions.Default);

        var view = ChartService.RenderView(ChartNames.AuthorHeatmap, observations, new ChartRequest());

        view.Marks.Count.ShouldBe(expected.Count);
        foreach (var cell in expected)
        {
            var mark = view.Marks.Single(m => m.Name == cell.Group && m.Target == cell.Target);
            mark.Kind.ShouldBe("author");
            mark.Value.ShouldBe(cell.Estimate, 1e-4);
            mark.N.ShouldBe(cell.N);
            mark.Thin.ShouldBe(cell.IsThin);
            mark.X.ShouldBeGreaterThanOrEqualTo(0);
            (mark.X + mark.Width).ShouldBeLessThanOrEqualTo(view.Width);
            (mark.Y + mark.Height).ShouldBeLessThanOrEqualTo(view.Height);
            mark.Width.ShouldBeGreaterThan(20);
            mark.Height.ShouldBeGreaterThan(10);
        }

        // Rows: authors with the most pieces first, top to bottom.
        var rows = view.Marks.Where(m => m.Target == "Russia").OrderBy(m => m.Y).Select(m => m.Name).ToList();
        rows[0].ShouldBe("Mara Ellison");
        view.Marks.Where(m => m.Target == "Russia").Select(m => m.X).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public void RenderPng_AuthorHeatmap_CellCentresHaveTheColourOfTheirEstimate()
    {
        var observations = ChartFixtures.Karabakh();
        var request = new ChartRequest();
        var view = ChartService.RenderView(ChartNames.AuthorHeatmap, observations, request);

        var png = ChartService.Render(ChartNames.AuthorHeatmap, ChartFormat.Png, observations, request).Content;

        using var bitmap = SKBitmap.Decode(png);
        foreach (var mark in view.Marks.Where(m => !m.Thin))
        {
            // Just inside the cell's corner: clear of the label in the middle and of the white gap.
            var pixel = bitmap.GetPixel((int)(mark.X + 5), (int)(mark.Y + 5));
            var expected = StanceBoard.Dashboard.Charts.Color.StancePalette.Map(mark.Value, greyscale: false);
            Math.Abs(pixel.Red - expected.R).ShouldBeLessThanOrEqualTo(6, $"{mark.Name}/{mark.Target}");
            Math.Abs(pixel.Green - expected.G).ShouldBeLessThanOrEqualTo(6, $"{mark.Name}/{mark.Target}");
            Math.Abs(pixel.Blue - expected.B).ShouldBeLessThanOrEqualTo(6, $"{mark.Name}/{mark.Target}");
        }
    }

    [Fact]
    public void RenderView_AuthorPositions_HasABarPerAuthorAndTargetInItsPanel()
    {
        var view = ChartService.RenderView(ChartNames.AuthorPositions, ChartFixtures.Karabakh(), new ChartRequest());

        var panels = view.Marks.GroupBy(m => m.Target).ToDictionary(g => g.Key, g => g.ToList());
        panels.Keys.ShouldBe(["Russia", "Turkey", "Azerbaijan"], ignoreOrder: true);
        panels["Russia"].Max(m => m.X + m.Width).ShouldBeLessThan(panels["Turkey"].Min(m => m.X));
        panels["Turkey"].Max(m => m.X + m.Width).ShouldBeLessThan(panels["Azerbaijan"].Min(m => m.X));
        view.Marks.Select(m => (m.Name, m.Target)).Distinct().Count().ShouldBe(view.Marks.Count);
    }

    [Theory]
    [InlineData(ChartNames.StanceTimeline)]
    [InlineData(ChartNames.StanceDistribution)]
    public void RenderView_ChartsWithoutLinkedMarks_HaveNone(string name) =>
        ChartService.RenderView(name, ChartFixtures.Karabakh(), new ChartRequest()).Marks.ShouldBeEmpty();
}
