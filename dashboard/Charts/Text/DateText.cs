using System.Globalization;

namespace StanceBoard.Dashboard.Charts.Text;

/// <summary>Culture-invariant day and range labels: "5 Oct 2020", "1 Sep – 30 Nov 2020".</summary>
internal static class DateText
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string Month(int month) => Months[month - 1];

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
}
