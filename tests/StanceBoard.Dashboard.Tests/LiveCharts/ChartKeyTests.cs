using StanceBoard.Dashboard.LiveCharts;

namespace StanceBoard.Dashboard.Tests.LiveCharts;

public sealed class ChartKeyTests
{
    [Theory]
    [InlineData("stance-timeline?width=1100&height=471", 1200, 516)]
    [InlineData("stance-timeline?width=1200&height=516", 1200, 516)]
    [InlineData("author-heatmap?width=540&height=405", 480, 360)]
    [InlineData("author-heatmap?width=680&height=510", 720, 540)]
    [InlineData("stance-distribution", 1200, 756)]
    [InlineData("author-heatmap?preset=print-double&dpi=300", 1200, 768)]
    public void TryParse_AnySize_IsDrawnAtALiveWidthWithTheRatioInHundredths(string key, int width, int height)
    {
        ChartKey.TryParse(key, out var chart, out var error).ShouldBeTrue(error);

        (chart!.Request.Size.WidthPx, chart.Request.Size.HeightPx, chart.Request.Size.Dpi).ShouldBe((width, height, 96));
        chart.Key.ShouldBe(key);
    }

    [Fact]
    public void TryParse_SameChartSpelledDifferently_SameRenderKey()
    {
        string[] keys =
        [
            "stance-timeline?targets=Russia,Turkey&from=2020-10-01&width=1100&height=471",
            "stance-timeline?from=2020-10-01T00:00:00Z&height=470&width=1090&targets=Russia,%20Turkey,russia&grey=false",
        ];

        keys.Select(k => ChartKey.TryParse(k, out var chart, out _) ? chart!.RenderKey : null).Distinct().Count().ShouldBe(1);
        ChartKey.TryParse("stance-timeline?targets=Turkey,Russia&from=2020-10-01", out var other, out _).ShouldBeTrue();
        ChartKey.TryParse(keys[0], out var first, out _).ShouldBeTrue();
        other!.RenderKey.ShouldNotBe(first!.RenderKey, "target order orders the series");
    }

    [Fact]
    public void TryParse_CustomTexts_AreRefusedNamingEach()
    {
        ChartKey.TryParse("author-heatmap?subtitle=x&source=y", out var chart, out var error).ShouldBeFalse();

        chart.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("subtitle, source");
    }
}
