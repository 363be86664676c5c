using StanceBoard.Dashboard.Charts.Scales;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Tests.Charts.Scales;

public sealed class DateTicksTests
{
    private static double Measure(string text) => FontMetrics.Measure(text, 12);

    [Theory]
    [InlineData("2020-10-01", "2020-10-10", 900, 1)] // wide: every day
    [InlineData("2020-09-01", "2020-11-30", 900, 7)] // weeks, on Mondays
    [InlineData("2019-01-01", "2021-12-31", 900, 0)] // months or coarser
    public void Compute_Range_PicksIntervalThatFits(string first, string last, double width, int expectedDays)
    {
        var a = DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        var b = DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
        var perDay = width / (b.DayNumber - a.DayNumber + 1);

        var ticks = DateTicks.Compute(a, b, perDay, Measure, 10);

        ticks.Count.ShouldBeGreaterThan(2);
        var spacing = ticks[1].Value - ticks[0].Value;
        if (expectedDays > 0)
        {
            spacing.ShouldBe(expectedDays);
        }
        else
        {
            spacing.ShouldBeGreaterThanOrEqualTo(28);
        }

        if (expectedDays == 7)
        {
            ticks.ShouldAllBe(t => DateOnly.FromDayNumber((int)t.Value).DayOfWeek == DayOfWeek.Monday);
        }
    }

    [Fact]
    public void Compute_AnyWidth_LabelsDoNotOverlap()
    {
        var first = new DateOnly(2020, 9, 1);
        var last = new DateOnly(2020, 12, 31);
        foreach (var width in new[] { 150.0, 300, 600, 1200, 2400 })
        {
            var perDay = width / (last.DayNumber - first.DayNumber + 1);
            var ticks = DateTicks.Compute(first, last, perDay, Measure, 8);
            for (var i = 1; i < ticks.Count; i++)
            {
                var gap = (ticks[i].Value - ticks[i - 1].Value) * perDay;
                var half = (Math.Max(Measure(ticks[i].Label), Measure(ticks[i].Secondary ?? string.Empty)) + Math.Max(Measure(ticks[i - 1].Label), Measure(ticks[i - 1].Secondary ?? string.Empty))) / 2;
                gap.ShouldBeGreaterThanOrEqualTo(half, $"width {width}: {ticks[i - 1].Label} / {ticks[i].Label}");
            }
        }
    }

    [Fact]
    public void Compute_Months_ShowYearAtFirstTickAndJanuary()
    {
        var ticks = DateTicks.Compute(new DateOnly(2020, 10, 1), new DateOnly(2021, 3, 31), 3, Measure, 8);

        ticks.Select(t => t.Label).ShouldBe(["Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]);
        ticks.Select(t => t.Secondary).ShouldBe(["2020", null, null, "2021", null, null]);
    }

    [Theory]
    [InlineData("2020-09-01", "2020-11-30", "1 Sep \u2013 30 Nov 2020")]
    [InlineData("2020-10-05", "2020-10-09", "5 \u2013 9 Oct 2020")]
    [InlineData("2020-12-28", "2021-01-03", "28 Dec 2020 \u2013 3 Jan 2021")]
    [InlineData("2020-10-05", "2020-10-05", "5 Oct 2020")]
    public void FormatRange_Dates_ReadNaturally(string first, string last, string expected)
    {
        DateTicks.FormatRange(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(expected);
    }
}
