using System.Globalization;
using StanceBoard.Analysis.Aggregation;

namespace StanceBoard.Dashboard.Apis;

/// <summary>Parsing of common query-string values, recording errors by parameter name.</summary>
internal static class QueryValues
{
    public static DateTimeOffset? ParseDate(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            if (FilterDates.Contains(date))
            {
                return date;
            }

            errors[name] = [FilterDates.OutOfRange(value.Trim())];
            return null;
        }

        errors[name] = [$"'{(value.Length > 40 ? value[..40] + "…" : value)}' is not an ISO 8601 date such as 2020-10-01."];
        return null;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or <see langword="null"/> when absent; anything else is recorded as an error for <paramref name="name"/>.</summary>
    public static long? ParseWhole(string? value, string name, long min, long max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors[name] = [string.Create(CultureInfo.InvariantCulture, $"'{(value.Length > 40 ? value[..40] + "…" : value)}' is not a whole number from {min} to {max}.")];
        return null;
    }

    public static IReadOnlyList<string> SplitList(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(100).ToArray();
}
