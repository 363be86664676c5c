using System.Text.RegularExpressions;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>Drops paragraphs that are page furniture even inside the article container: share prompts, ads, credits, bylines.</summary>
internal static partial class HtmlLineFilter
{
    public static bool IsBoilerplate(string paragraph, string? title)
    {
        if (paragraph.Length < 200 && Furniture().IsMatch(paragraph))
        {
            return true;
        }

        if (paragraph.Length < 120 && (Byline().IsMatch(paragraph) || DateOnly().IsMatch(paragraph)))
        {
            return true;
        }

        return title is { Length: > 0 } && string.Equals(paragraph.TrimEnd('.'), title.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^(advertisement|advertising|sponsored( content)?|share( this)?( article| story| post| on \w+)?|tweet|email|print|facebook|twitter|linkedin|whatsapp|telegram|copy link|subscribe\b.*|sign up\b.*|follow us\b.*|join (our|the) (newsletter|mailing list)\b.*|click here\b.*|(photo|image|picture|credit|source|illustration)s?\s*(credit)?\s*:.*|©.*|copyright\b.*|all rights reserved.*|read more:?.*|read also:?.*|see also:?.*|related:.*|also read:?.*|listen to (this|the) (article|story).*|\d+\s*min(ute)?s?\s*read|reading time:?.*|loading\.*|skip to (main )?content|back to top|tags?:.*|topics?:.*|filed under:?.*|posted in:?.*|categories:.*|comments?\s*\(?\d*\)?|leave a (comment|reply).*|this (site|website) uses cookies.*|we use cookies.*|accept( all)?( cookies)?|manage (cookies|preferences)|(download|view) (the )?(pdf|full report).*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"^(by|written by|posted by|words by|author:?)\s+[\p{Lu}][^.!?]{1,80}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^((published|posted|updated|last updated|date)\s*:?\s*)?((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})([\s,|-]+(at\s+)?\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?(\s*[A-Z]{2,4})?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateOnly();
}
