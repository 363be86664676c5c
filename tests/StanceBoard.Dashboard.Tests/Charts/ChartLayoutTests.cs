using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Export;
using StanceBoard.Dashboard.Charts.Figure;

namespace StanceBoard.Dashboard.Tests.Charts;

/// <summary>
/// What an editor checks first: no text on top of other text, and nothing outside the figure, for
/// every chart at every preset, using the boxes of the texts as drawn (headers, legend, ticks,
/// cell and count labels, footer) measured with the chart font.
/// </summary>
public sealed class ChartLayoutTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in ChartNames.All)
        {
            foreach (var preset in ChartPresets.Names)
            {
                data.Add(name, preset);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_EveryChartAndPreset_TextsDoNotOverlapAndStayInside(string name, string preset)
    {
        ChartPresets.TryGet(preset, out var size).ShouldBeTrue();

        var drawn = Draw(name, ChartFixtures.Karabakh(), new ChartRequest { Size = size });

        AssertReadable(drawn, size);
        drawn.Texts.Count(t => t.Role == "title").ShouldBeGreaterThan(0);
        drawn.Texts.Count(t => t.Role == "tick").ShouldBeGreaterThan(2);
    }

    [Theory]
    [InlineData(ChartNames.AuthorHeatmap)]
    [InlineData(ChartNames.AuthorPositions)]
    public void Render_ThousandAuthors_KeepsRowsReadableAndSaysHowManyAreShown(string name)
    {
        var observations = Enumerable.Range(0, 1000).SelectMany(a => Enumerable.Range(0, 1 + (a % 7)).Select(p => new StanceObservation(
            (a * 10) + p, new DateTimeOffset(2020, 10, 1 + (p % 20), 8, 0, 0, TimeSpan.Zero), $"Author {a:D4}", "Outlet", p % 2 == 0 ? "Russia" : "Turkey", Stance.None, ((a % 11) - 5) / 6.0, "v1"))).ToList();
        var request = new ChartRequest();

        var drawn = Draw(name, observations, request);

        AssertReadable(drawn, request.Size);
        var meta = string.Join(" ", drawn.Texts.Where(t => t.Role == "meta").Select(t => t.Text));
        meta.ShouldContain("of 1,000 authors with the most pieces");
        var rows = drawn.Texts.Where(t => t.Role == "tick" && t.Text.StartsWith("Author ", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBeInRange(10, 60);
        rows.ShouldAllBe(t => t.Bounds.Height >= request.Size.FontPx * 0.8);
    }

    [Fact]
    public void Render_FiveHundredCharacterNames_AreShortenedAndStayInside()
    {
        var longName = string.Concat(Enumerable.Repeat("Very Long Name ", 34))[..500];
        var observations = ChartFixtures.Karabakh().Concat(Enumerable.Range(0, 30).Select(i => new StanceObservation(
            70_000 + i, new DateTimeOffset(2020, 10, 2, 9, 0, 0, TimeSpan.Zero), longName, longName, "Turkey", Stance.Against, -0.7, "v1"))).ToList();

        foreach (var name in ChartNames.All)
        {
            var request = new ChartRequest { Size = ChartPresets.PrintSingleColumn, Title = longName, Caption = longName };

            var drawn = Draw(name, observations, request);

            AssertReadable(drawn, request.Size);
        }
    }

    [Theory]
    [InlineData(100, 100, 50)]
    [InlineData(320, 180, 96)]
    [InlineData(3000, 2000, 600)]
    public void Render_ExtremeButValidSizes_GivesFilesOfThatSize(int width, int height, int dpi)
    {
        var request = new ChartRequest { Size = ChartPresets.Resolve(null, width, height, dpi) };

        foreach (var name in ChartNames.All)
        {
            var png = PngInfo.Read(ChartService.Render(name, ChartFormat.Png, ChartFixtures.Karabakh(), request).Content);

            png.Width.ShouldBe(width);
            png.Height.ShouldBe(height);
            png.Dpi.ShouldBe(dpi);
        }
    }

    internal static FigureCanvas Draw(string name, IEnumerable<StanceObservation> observations, ChartRequest request) =>
        SvgExport.Render(ChartService.BuildFigure(name, observations, request)).Drawn;

    private static void AssertReadable(FigureCanvas drawn, StanceBoard.Dashboard.Charts.Spec.ChartSize size)
    {
        var width = size.LayoutWidth;
        var height = size.LayoutHeight;
        var texts = drawn.Texts.Where(t => t.Text.Trim().Length > 0).ToList();
        foreach (var t in texts)
        {
            t.Bounds.Left.ShouldBeGreaterThanOrEqualTo(-0.5f, $"'{t.Text}' ({t.Role}) starts left of the figure");
            t.Bounds.Right.ShouldBeLessThanOrEqualTo((float)width + 0.5f, $"'{t.Text}' ({t.Role}) ends right of the figure");
            t.Bounds.Top.ShouldBeGreaterThanOrEqualTo(-0.5f, $"'{t.Text}' ({t.Role}) starts above the figure");
            t.Bounds.Bottom.ShouldBeLessThanOrEqualTo((float)height + 0.5f, $"'{t.Text}' ({t.Role}) ends below the figure");
        }

        for (var i = 0; i < texts.Count; i++)
        {
            for (var j = i + 1; j < texts.Count; j++)
            {
                var a = texts[i].Bounds;
                var b = texts[j].Bounds;
                var dx = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                var dy = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
                (dx > 1 && dy > 1).ShouldBeFalse($"'{texts[i].Text}' ({texts[i].Role}) overlaps '{texts[j].Text}' ({texts[j].Role}) at {size.WidthPx}×{size.HeightPx}@{size.Dpi}");
            }
        }
    }
}
