using AngleSharp.Dom;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>Chooses the headline among h1, JSON-LD, og:title and &lt;title&gt;, and strips site-name suffixes.</summary>
internal static class HtmlTitles
{
    private static readonly string[] s_separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "];

    public static string Choose(IDocument document, HtmlMetadata meta, JsonLdArticle? jsonLd, string? outlet)
    {
        var metaTitles = new[] { jsonLd?.Headline, meta.First("og:title"), meta.First("twitter:title"), meta.First("citation_title", "dc.title", "headline"), document.Title }
            .Select(MarkupText.Strip)
            .Where(t => t.Length > 0)
            .ToList();
        var h1s = document.QuerySelectorAll("h1")
            .Where(h => !HtmlBoilerplate.IsInFurniture(h))
            .Select(h => MarkupText.CollapseSpaces(h.TextContent))
            .Where(t => t.Length is > 3 and < 400)
            .ToList();
        foreach (var h1 in h1s)
        {
            if (metaTitles.Any(m => Similar(StripSuffix(m, outlet), h1)))
            {
                return h1;
            }
        }

        if (jsonLd?.Headline is { Length: > 0 } headline)
        {
            return MarkupText.Strip(headline);
        }

        foreach (var candidate in metaTitles)
        {
            var stripped = StripSuffix(candidate, outlet);
            if (stripped.Length > 0)
            {
                return stripped;
            }
        }

        return h1s.FirstOrDefault() ?? string.Empty;
    }

    /// <summary>The site name after the last separator of a &lt;title&gt; ("Headline | Site"), when there is one.</summary>
    public static string? SiteSuffix(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        foreach (var separator in s_separators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                var suffix = title[(at + separator.Length)..].Trim();
                return suffix.Length is > 1 and <= 60 && suffix.Split(' ').Length <= 6 ? suffix : null;
            }
        }

        return null;
    }

    private static string StripSuffix(string title, string? outlet)
    {
        foreach (var separator in s_separators)
        {
            var parts = title.Split(separator);
            if (parts.Length < 2)
            {
                continue;
            }

            var kept = parts.Where(p => outlet is null || !p.Trim().Equals(outlet, StringComparison.OrdinalIgnoreCase)).ToList();
            if (kept.Count < parts.Length)
            {
                return string.Join(separator, kept).Trim();
            }

            // Without a known outlet, the headline is the longest part when the last is short.
            if (parts[^1].Trim().Split(' ').Length <= 4)
            {
                return string.Join(separator, parts[..^1]).Trim();
            }
        }

        return title.Trim();
    }

    private static bool Similar(string a, string b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return false;
        }

        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        return longer.Contains(shorter, StringComparison.Ordinal) && shorter.Length * 10 >= longer.Length * 6;
    }

    private static string Normalize(string s) => new([.. s.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}
