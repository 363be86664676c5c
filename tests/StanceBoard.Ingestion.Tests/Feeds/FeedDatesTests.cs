using StanceBoard.Ingestion.Feeds;

namespace StanceBoard.Ingestion.Tests.Feeds;

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Tue, 10 Nov 2020 08:30:00 GMT", "2020-11-10T08:30:00+00:00")]
    [InlineData("10 Nov 2020 08:30:00 +0400", "2020-11-10T08:30:00+04:00")]
    [InlineData("Tue, 10 Nov 2020 08:30 EST", "2020-11-10T08:30:00-05:00")]
    [InlineData("Tue, 10 Nov 20 08:30:00 UT", "2020-11-10T08:30:00+00:00")]
    [InlineData("Tuesday, 10 November 2020 08:30:00 +03:00", "2020-11-10T08:30:00+03:00")]
    [InlineData("2020-11-10T08:30:00Z", "2020-11-10T08:30:00+00:00")]
    [InlineData("2020-11-10T08:30:00.123+02:00", "2020-11-10T08:30:00.123+02:00")]
    [InlineData("2020-11-10", "2020-11-10T00:00:00+00:00")]
    [InlineData("2020-11-10 08:30:00", "2020-11-10T08:30:00+00:00")]
    public void Parse_KnownFormats_ReturnsTheInstant(string value, string expected)
    {
        FeedDates.Parse(value).ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("32 Nov 2020 08:30:00 GMT")]
    [InlineData("Tue, 10 Nov 2020 08:30:00 XYZ")]
    [InlineData("2020-13-45T99:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31")]
    [InlineData("10/11/2020")]
    public void Parse_InvalidOrImplausible_ReturnsNull(string? value)
    {
        FeedDates.Parse(value).ShouldBeNull();
    }
}
