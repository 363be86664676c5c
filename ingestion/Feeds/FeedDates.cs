using System.Globalization;
using System.Text.RegularExpressions;

namespace StanceBoard.Ingestion.Feeds;

/// <summary>
/// Parses the dates feeds and pages use: RFC 822/1123 (with named zones, missing weekday, two-digit
/// years) and ISO 8601 / W3C-DTF. Anything else, or an implausible year, is <see langword="null"/>:
/// an unknown date stays unknown.
/// </summary>
public static partial class FeedDates
{
    private static readonly Dictionary<string, TimeSpan> s_zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = TimeSpan.Zero, ["UT"] = TimeSpan.Zero, ["UTC"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4),
        ["CST"] = TimeSpan.FromHours(-6), ["CDT"] = TimeSpan.FromHours(-5),
        ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6),
        ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7),
        ["BST"] = TimeSpan.FromHours(1), ["CET"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2),
        ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3), ["MSK"] = TimeSpan.FromHours(3),
    };

    private static readonly string[] s_rfc822Formats =
    [
        "d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm", "d MMM yy HH:mm:ss", "d MMM yy HH:mm",
        "d MMMM yyyy HH:mm:ss", "d MMMM yyyy HH:mm", "d MMM yyyy", "d MMMM yyyy",
    ];

    /// <summary>Parses <paramref name="value"/>, or returns <see langword="null"/> when it is not a plausible date.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        var s = value?.Trim();
        if (string.IsNullOrEmpty(s) || s.Length > 64)
        {
            return null;
        }

        var parsed = char.IsDigit(s[0]) && s.Length >= 10 && s[4] == '-' ? ParseIso(s) : null;
        parsed ??= ParseRfc822(s) ?? ParseIso(s);
        return parsed is { Year: >= 1970 and <= 2200 } ? parsed : null;
    }

    private static DateTimeOffset? ParseIso(string s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var d) && IsoShape().IsMatch(s)
            ? d
            : null;

    private static DateTimeOffset? ParseRfc822(string s)
    {
        var m = Rfc822().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var body = Spaces().Replace(m.Groups["body"].Value.Replace(',', ' ').Replace('-', ' ').Trim(), " ");
        if (!DateTime.TryParseExact(body, s_rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return null;
        }

        var zone = m.Groups["zone"].Value;
        TimeSpan offset;
        if (zone.Length == 0)
        {
            offset = TimeSpan.Zero;
        }
        else if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            if (digits.Length != 4 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm) || hhmm % 100 >= 60 || hhmm / 100 > 14)
            {
                return null;
            }

            offset = new TimeSpan(hhmm / 100, hhmm % 100, 0) * (zone[0] == '-' ? -1 : 1);
        }
        else if (!s_zones.TryGetValue(zone, out offset))
        {
            return null;
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }

    [GeneratedRegex("""^(?:[A-Za-z]{3,9},?\s+)?(?<body>\d{1,2}[\s-]+[A-Za-z]{3,9}[\s-]+\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*(?<zone>[+-]\d{2}:?\d{2}|[A-Za-z]{1,4})?$""", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();

    [GeneratedRegex("""^\d{4}-\d{2}(-\d{2})?([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$""", RegexOptions.CultureInvariant)]
    private static partial Regex IsoShape();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
