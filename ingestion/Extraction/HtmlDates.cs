using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using StanceBoard.Ingestion.Feeds;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>Finds the visible publication date of a page: <c>&lt;time datetime&gt;</c>, microdata, or a date-classed element's text.</summary>
internal static partial class HtmlDates
{
    private static readonly string[] s_textFormats =
    [
        "MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy", "dddd MMMM d yyyy", "dddd d MMMM yyyy", "dddd MMM d yyyy", "dddd d MMM yyyy", "yyyy-MM-dd",
    ];

    public static DateTimeOffset? FindPublished(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("[itemprop='datePublished']"))
        {
            if ((FeedDates.Parse(element.GetAttribute("content") ?? element.GetAttribute("datetime")) ?? ParseText(element.TextContent)) is { } d)
            {
                return d;
            }
        }

        var times = document.QuerySelectorAll("time").Where(t => !HtmlBoilerplate.IsInFurniture(t)).ToList();
        var preferred = times.FirstOrDefault(t => t.HasAttribute("pubdate") || Regex.IsMatch($"{t.ClassName} {t.ParentElement?.ClassName}", "publish|posted|entry-date|pubdate", RegexOptions.IgnoreCase))
            ?? times.FirstOrDefault(t => !Regex.IsMatch($"{t.ClassName} {t.ParentElement?.ClassName}", "updat|modif", RegexOptions.IgnoreCase));
        if (preferred is not null && (FeedDates.Parse(preferred.GetAttribute("datetime")) ?? ParseText(preferred.TextContent)) is { } t)
        {
            return t;
        }

        foreach (var element in document.QuerySelectorAll("[class], [id]"))
        {
            var name = $"{element.ClassName} {element.Id}";
            if (!DateClass().IsMatch(name) || element.TextContent.Length > 120 || HtmlBoilerplate.IsInFurniture(element))
            {
                continue;
            }

            if (ParseText(element.TextContent) is { } d)
            {
                return d;
            }
        }

        // Last resort: a short line near the top such as "Published 2 November 2020 · Jane Doe".
        foreach (var element in document.QuerySelectorAll("p, span, div, li, small, em").Take(2000))
        {
            var text = element.TextContent;
            if (text.Length > 80 || element.Children.Any(c => c.LocalName is not ("a" or "span" or "time" or "strong" or "b" or "em"))
                || !PublishedLabel().IsMatch(MarkupText.CollapseSpaces(text)) || HtmlBoilerplate.IsInFurniture(element))
            {
                continue;
            }

            if (ParseText(text) is { } d)
            {
                return d;
            }
        }

        return null;
    }

    public static DateTimeOffset? FindModified(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("[itemprop='dateModified'], time.updated, time[class*='modified']"))
        {
            if (FeedDates.Parse(element.GetAttribute("content") ?? element.GetAttribute("datetime")) is { } d)
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>Parses a date written out in English ("October 5, 2020", "5 Oct 2020"), with an optional label before it.</summary>
    public static DateTimeOffset? ParseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 120)
        {
            return null;
        }

        var match = DateInText().Match(MarkupText.CollapseSpaces(text));
        if (!match.Success)
        {
            return null;
        }

        var value = Ordinal().Replace(match.Value, "$1");
        value = Sept().Replace(value, "Sep").Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        if (DateTime.TryParseExact(value, s_textFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date) && date.Year is >= 1970 and <= 2200)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Unspecified), TimeSpan.Zero);
        }

        return FeedDates.Parse(value);
    }

    [GeneratedRegex(@"^(first )?(published|posted|date|dated|issued)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedLabel();

    [GeneratedRegex(@"date|time|publish|posted|dateline|timestamp", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateClass();

    [GeneratedRegex(@"((Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+)?(\d{1,2}(st|nd|rd|th)?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex DateInText();

    [GeneratedRegex(@"\bSept\b", RegexOptions.CultureInvariant)]
    private static partial Regex Sept();

    [GeneratedRegex(@"(\d)(st|nd|rd|th)", RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();
}
