using System.Globalization;

namespace StanceBoard.Benchmarks.OldEngine.Scales;

/// <summary>
/// Ticks for a date axis: the finest of day, 2 days, week (Mondays), fortnight, month, 2, 3
/// or 6 months, year, 2, 5, 10 or 25 years whose labels fit side by side. Day and week ticks
/// read "5 Oct", month ticks "Oct", both with the year on a second line at the first tick and
/// wherever the year changes. Values are days since 0001-01-01 (<see cref="DateOnly.DayNumber"/>).
/// </summary>
internal static class DateTicks
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly (int Days, int Months)[] Intervals =
    [
        (1, 0), (2, 0), (7, 0), (14, 0), (0, 1), (0, 2), (0, 3), (0, 6),
        (0, 12), (0, 24), (0, 60), (0, 120), (0, 300),
    ];

    /// <summary>The ticks in [<paramref name="first"/>, <paramref name="last"/>] whose labels, measured by <paramref name="measure"/>, leave <paramref name="gap"/> between them.</summary>
    public static IReadOnlyList<Tick> Compute(DateOnly first, DateOnly last, double pixelsPerDay, Func<string, double> measure, double gap)
    {
        ArgumentNullException.ThrowIfNull(measure);
        foreach (var (days, months) in Intervals)
        {
            var spacing = (days > 0 ? days : months * 30.4) * pixelsPerDay;
            if (spacing < gap * 2)
            {
                continue; // no label fits in less than two gaps: skip without generating (long ranges have many days)
            }

            var ticks = Generate(first, last, days, months);
            if (ticks.Count <= 1)
            {
                return ticks;
            }

            var widest = ticks.Max(t => Math.Max(measure(t.Label), t.Secondary is null ? 0 : measure(t.Secondary)));
            if (spacing >= widest + gap)
            {
                return ticks;
            }
        }

        return Generate(first, last, 0, 600);
    }

    public static string FormatDay(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day.Day} {Months[day.Month - 1]} {day.Year}");

    /// <summary>"1 Sep – 30 Nov 2020", "5 – 9 Oct 2020" or "28 Dec 2020 – 3 Jan 2021".</summary>
    public static string FormatRange(DateOnly first, DateOnly last)
    {
        if (first == last)
        {
            return FormatDay(first);
        }

        if (first.Year != last.Year)
        {
            return FormatDay(first) + " \u2013 " + FormatDay(last);
        }

        var start = first.Month == last.Month
            ? first.Day.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{first.Day} {Months[first.Month - 1]}");
        return start + " \u2013 " + FormatDay(last);
    }

    private static List<Tick> Generate(DateOnly first, DateOnly last, int days, int months)
    {
        var ticks = new List<Tick>();
        var previousYear = -1;
        foreach (var day in Days(first, last, days, months))
        {
            var label = months >= 12
                ? day.Year.ToString(CultureInfo.InvariantCulture)
                : months > 0
                    ? Months[day.Month - 1]
                    : string.Create(CultureInfo.InvariantCulture, $"{day.Day} {Months[day.Month - 1]}");
            var secondary = months < 12 && day.Year != previousYear ? day.Year.ToString(CultureInfo.InvariantCulture) : null;
            previousYear = day.Year;
            ticks.Add(new Tick(day.DayNumber, label, secondary));
        }

        return ticks;
    }

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last, int days, int months)
    {
        if (days > 0)
        {
            var start = first;
            if (days >= 7)
            {
                start = first.AddDays((7 - (((int)first.DayOfWeek + 6) % 7)) % 7); // next Monday (or first)
            }

            for (var d = start; d <= last; d = d.AddDays(days))
            {
                yield return d;
            }

            yield break;
        }

        var month = new DateOnly(first.Year, first.Month, 1);
        if (month < first)
        {
            month = month.AddMonths(1);
        }

        while (((month.Year * 12) + month.Month - 1) % months != 0)
        {
            month = month.AddMonths(1);
        }

        for (var d = month; d <= last; d = d.AddMonths(months))
        {
            yield return d;
        }
    }
}
