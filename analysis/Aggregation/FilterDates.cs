using System.Globalization;

namespace StanceBoard.Analysis.Aggregation;

/// <summary>
/// The calendar days a date filter may name. Timestamps are stored as UTC text with a four-digit
/// year, and a range's last day is read up to the start of the next day, so a day of margin is kept
/// at each end of the calendar: no date arithmetic on an accepted filter can leave it.
/// </summary>
public static class FilterDates
{
    /// <summary>The first day a filter may name: 0001-01-02.</summary>
    public static DateOnly First { get; } = new(1, 1, 2);

    /// <summary>The last day a filter may name: 9999-12-30.</summary>
    public static DateOnly Last { get; } = new(9999, 12, 30);

    /// <summary>Whether <paramref name="day"/> is within <see cref="First"/> and <see cref="Last"/>.</summary>
    public static bool Contains(DateOnly day) => day >= First && day <= Last;

    /// <summary>Whether the UTC calendar day of <paramref name="instant"/> is within range.</summary>
    public static bool Contains(DateTimeOffset instant) => Contains(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>The message for a date outside the range, quoting what was given.</summary>
    public static string OutOfRange(string given) =>
        string.Create(CultureInfo.InvariantCulture, $"'{(given.Length > 40 ? given[..40] + "\u2026" : given)}' is outside the dates the store holds ({First:yyyy-MM-dd} to {Last:yyyy-MM-dd}).");
}
