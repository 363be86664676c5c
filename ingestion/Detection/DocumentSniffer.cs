using System.Text.RegularExpressions;

namespace StanceBoard.Ingestion.Detection;

/// <summary>
/// Tells feeds, sitemaps and pages apart from the first bytes of the body, not from the URL's
/// extension; the media type only breaks ties (a JSON body that is not a JSON Feed is unknown).
/// </summary>
public static partial class DocumentSniffer
{
    private const int PrefixChars = 4096;

    /// <summary>Detects the kind of <paramref name="text"/>.</summary>
    /// <param name="text">The decoded body.</param>
    /// <param name="mediaType">The declared media type, when any.</param>
    public static DocumentKind Detect(string text, string? mediaType = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = text.AsSpan(0, Math.Min(text.Length, PrefixChars)).TrimStart().TrimStart('\uFEFF');
        if (head.StartsWith("{"))
        {
            return JsonFeedVersion().IsMatch(head) ? DocumentKind.JsonFeed : DocumentKind.Unknown;
        }

        var root = RootElement().Match(StripPrologue(head.ToString()));
        if (root.Success)
        {
            var name = root.Groups["name"].Value.ToLowerInvariant();
            var local = name.Contains(':', StringComparison.Ordinal) ? name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..] : name;
            switch (local)
            {
                case "rss" or "rdf":
                    return DocumentKind.Rss;
                case "feed" when root.Value.Contains("http://www.w3.org/2005/Atom", StringComparison.OrdinalIgnoreCase) || !LooksHtml(mediaType):
                    return DocumentKind.Atom;
                case "urlset":
                    return DocumentKind.Sitemap;
                case "sitemapindex":
                    return DocumentKind.SitemapIndex;
                case "html":
                    return DocumentKind.Html;
            }
        }

        if (LooksHtml(mediaType) || HtmlMarker().IsMatch(head))
        {
            return DocumentKind.Html;
        }

        return DocumentKind.Unknown;
    }

    private static bool LooksHtml(string? mediaType) =>
        mediaType is "text/html" or "application/xhtml+xml";

    private static string StripPrologue(string head)
    {
        var s = head;
        while (true)
        {
            s = s.TrimStart();
            if (s.StartsWith("<?", StringComparison.Ordinal))
            {
                var end = s.IndexOf("?>", StringComparison.Ordinal);
                if (end < 0)
                {
                    return string.Empty;
                }

                s = s[(end + 2)..];
            }
            else if (s.StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = s.IndexOf("-->", StringComparison.Ordinal);
                if (end < 0)
                {
                    return string.Empty;
                }

                s = s[(end + 3)..];
            }
            else if (s.StartsWith("<!", StringComparison.Ordinal))
            {
                var end = s.IndexOf('>', StringComparison.Ordinal);
                if (end < 0)
                {
                    return string.Empty;
                }

                // A DOCTYPE with an internal subset: skip to its closing "]>".
                var subset = s.IndexOf('[', StringComparison.Ordinal);
                if (subset >= 0 && subset < end)
                {
                    var close = s.IndexOf("]>", StringComparison.Ordinal);
                    end = close < 0 ? s.Length - 1 : close + 1;
                }

                s = s[(end + 1)..];
            }
            else
            {
                return s;
            }
        }
    }

    [GeneratedRegex("""^<(?<name>[A-Za-z_][\w.:-]*)[^>]*>?""", RegexOptions.CultureInvariant)]
    private static partial Regex RootElement();

    [GeneratedRegex("""["']version["']\s*:\s*["']https?://jsonfeed\.org/version/""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonFeedVersion();

    [GeneratedRegex("""<(html|head|body|article|meta|title)[\s>]""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlMarker();
}
