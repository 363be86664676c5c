using StanceBoard.Analysis.Aggregation;

namespace StanceBoard.Analysis.Tests.Aggregation;

public sealed class TimeBinsTests
{
    [Theory]
    [InlineData("2020-01-01", "2019-12-30")] // Wednesday → Monday of ISO week 2020-W01
    [InlineData("2020-10-04", "2020-09-28")] // Sunday belongs to the week that began on Monday
    [InlineData("2020-10-05", "2020-10-05")] // Monday is its own start
    public void Start_Week_IsIsoMonday(string day, string expected)
    {
        TimeBins.Start(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), TimeBin.Week)
            .ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Start_InstantWithOffset_UsesUtcDay()
    {
        // 00:30 on 1 Oct in UTC+3 is still 30 Sep in UTC.
        var instant = new DateTimeOffset(2020, 10, 1, 0, 30, 0, TimeSpan.FromHours(3));

        TimeBins.Start(instant, TimeBin.Day).ShouldBe(new DateOnly(2020, 9, 30));
        TimeBins.Start(instant, TimeBin.Month).ShouldBe(new DateOnly(2020, 9, 1));
    }

    [Fact]
    public void Next_Month_HandlesMonthLengths()
    {
        TimeBins.Next(new DateOnly(2020, 1, 1), TimeBin.Month).ShouldBe(new DateOnly(2020, 2, 1));
        TimeBins.Next(new DateOnly(2020, 12, 1), TimeBin.Month).ShouldBe(new DateOnly(2021, 1, 1));
        TimeBins.Next(new DateOnly(2020, 12, 28), TimeBin.Week).ShouldBe(new DateOnly(2021, 1, 4));
    }

    [Fact]
    public void Label_Week_UsesIsoYearAndWeek()
    {
        TimeBins.Label(new DateOnly(2020, 12, 28), TimeBin.Week).ShouldBe("2020-W53");
        TimeBins.Label(new DateOnly(2019, 12, 30), TimeBin.Week).ShouldBe("2020-W01");
        TimeBins.Label(new DateOnly(2020, 10, 1), TimeBin.Month).ShouldBe("2020-10");
    }

    [Theory]
    [InlineData("week", TimeBin.Week, true)]
    [InlineData("MONTH", TimeBin.Month, true)]
    [InlineData(" day ", TimeBin.Day, true)]
    [InlineData("none", TimeBin.None, true)]
    [InlineData("fortnight", TimeBin.None, false)]
    [InlineData(null, TimeBin.None, false)]
    public void TryParse_Text_ParsesKnownNames(string? text, TimeBin expected, bool ok)
    {
        TimeBins.TryParse(text, out var bin).ShouldBe(ok);
        bin.ShouldBe(expected);
    }

    [Fact]
    public void Start_None_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => TimeBins.Start(new DateOnly(2020, 1, 1), TimeBin.None));
    }
}
