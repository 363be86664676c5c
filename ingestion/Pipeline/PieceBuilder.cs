using StanceBoard.Ingestion.Dedupe;
using StanceBoard.Ingestion.Extraction;
using StanceBoard.Ingestion.Feeds;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Ingestion.Pipeline;

/// <summary>Merges what the page says with what the feed entry says: the page wins where both have a field.</summary>
internal static class PieceBuilder
{
    public static Piece Build(ExtractedArticle page, FeedItem? item, WebSource source, Uri finalUrl, string? feedText)
    {
        var text = page.Text.Length >= (feedText?.Length ?? 0) / 2 ? page.Text : feedText!;
        return new Piece
        {
            Title = page.Title.Length > 0 ? page.Title : item?.Title ?? string.Empty,
            Text = text,
            Authors = page.Authors.Count > 0 ? page.Authors : item?.Authors ?? [],
            Outlet = page.Outlet ?? source.Outlet ?? item?.Outlet,
            Url = page.CanonicalUrl ?? UrlCanonicalizer.Normalize(finalUrl),
            Published = page.Published ?? item?.Published,
            Language = page.Language ?? item?.Language,
            Origin = source.Id,
        };
    }

    /// <summary>The text of a feed entry's own content (content:encoded, Atom content, JSON Feed content_html), when it has some.</summary>
    public static string? FeedText(FeedItem? item)
    {
        var html = item?.Content ?? item?.Summary;
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = HtmlArticleExtractor.Extract($"<html><body><article>{html}</article></body></html>").Text;
        return text.Length > 0 ? text : null;
    }
}
