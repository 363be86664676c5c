using System.Globalization;

namespace StanceBoard.Analysis.Aggregation;

/// <summary>Start, end and labels of <see cref="TimeBin"/> bins. All arithmetic is in UTC.</summary>
public static class TimeBins
{
    /// <summary>The first day (UTC) of the bin that holds <paramref name="day"/>.</summary>
    /// <param name="day">A UTC calendar day.</param>
    /// <param name="bin">The bin size; <see cref="TimeBin.None"/> is not a bin.</param>
    /// <returns>The Monday of the ISO week, the first of the month, or the day itself.</returns>
    public static DateOnly Start(DateOnly day, TimeBin bin) => bin switch
    {
        TimeBin.Day => day,
        TimeBin.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TimeBin.Month => new DateOnly(day.Year, day.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(bin), bin, "TimeBin.None has no bins."),
    };

    /// <summary>The first day (UTC) of the bin that holds the instant <paramref name="instant"/>.</summary>
    /// <param name="instant">Any instant; it is converted to UTC first.</param>
    /// <param name="bin">The bin size.</param>
    /// <returns>The bin's first day.</returns>
    public static DateOnly Start(DateTimeOffset instant, TimeBin bin) => Start(DateOnly.FromDateTime(instant.UtcDateTime), bin);

    /// <summary>The first day of the bin after the one that starts on <paramref name="start"/>.</summary>
    /// <param name="start">A bin's first day, as returned by <see cref="Start(DateOnly, TimeBin)"/>.</param>
    /// <param name="bin">The bin size.</param>
    /// <returns>The next bin's first day (the exclusive end of this bin).</returns>
    public static DateOnly Next(DateOnly start, TimeBin bin) => bin switch
    {
        TimeBin.Day => start.AddDays(1),
        TimeBin.Week => start.AddDays(7),
        TimeBin.Month => start.AddMonths(1),
        _ => throw new ArgumentOutOfRangeException(nameof(bin), bin, "TimeBin.None has no bins."),
    };

    /// <summary>A short, culture-invariant label for a bin: <c>2020-10-05</c>, <c>2020-W41</c> or <c>2020-10</c>.</summary>
    /// <param name="start">The bin's first day.</param>
    /// <param name="bin">The bin size.</param>
    /// <returns>The label.</returns>
    public static string Label(DateOnly start, TimeBin bin) => bin switch
    {
        TimeBin.Day => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeBin.Week => string.Create(
            CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}"),
        TimeBin.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => "all",
    };

    /// <summary>Parses <c>day</c>, <c>week</c>, <c>month</c> or <c>none</c> (case-insensitive).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="bin">The parsed bin.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a bin.</returns>
    public static bool TryParse(string? text, out TimeBin bin)
    {
        bin = TimeBin.None;
        switch (text?.Trim().ToUpperInvariant())
        {
            case "DAY" or "DAILY" or "D":
                bin = TimeBin.Day;
                return true;
            case "WEEK" or "WEEKLY" or "W":
                bin = TimeBin.Week;
                return true;
            case "MONTH" or "MONTHLY" or "M":
                bin = TimeBin.Month;
                return true;
            case "NONE" or "ALL":
                return true;
            default:
                return false;
        }
    }
}
