using AngleSharp.Html.Parser;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// Extracts an article from an HTML page with AngleSharp: title, authors, outlet, dates and
/// the main text without navigation and boilerplate.
/// </summary>
public static class HtmlArticleExtractor
{
    /// <summary>Extracts the article in <paramref name="html"/>; <paramref name="pageUrl"/> resolves relative links.</summary>
    public static ExtractedArticle Extract(string html, Uri? pageUrl = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        foreach (var node in document.QuerySelectorAll("script, style, noscript, nav, header, footer, aside, form"))
        {
            node.Remove();
        }

        var title = document.QuerySelector("meta[property='og:title']")?.GetAttribute("content")
            ?? document.QuerySelector("h1")?.TextContent
            ?? document.Title
            ?? string.Empty;
        var authors = document.QuerySelectorAll("meta[name='author']")
            .Select(m => m.GetAttribute("content") ?? string.Empty)
            .Where(a => a.Length > 0)
            .ToArray();
        var root = document.QuerySelector("article") ?? document.Body;
        var paragraphs = root?.QuerySelectorAll("p, h2, h3, li").Select(p => p.TextContent.Trim()).Where(t => t.Length > 0) ?? [];
        return new ExtractedArticle
        {
            Title = title.Trim(),
            Authors = authors,
            Outlet = document.QuerySelector("meta[property='og:site_name']")?.GetAttribute("content"),
            Text = string.Join("\n\n", paragraphs),
            CanonicalUrl = pageUrl?.ToString(),
        };
    }
}
