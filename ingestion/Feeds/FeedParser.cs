using StanceBoard.Ingestion.Detection;
using StanceBoard.Ingestion.Fetching;

namespace StanceBoard.Ingestion.Feeds;

/// <summary>
/// Parses RSS 2.0/1.0, Atom 1.0, JSON Feed, sitemaps (Google News included) and sitemap indexes
/// into a <see cref="FeedDocument"/>. XML is read with DTDs prohibited, no resolver and a
/// character cap; items past <see cref="FeedParseOptions.MaxItems"/> are counted, not kept.
/// Never throws for bad input: the document's <see cref="FeedDocument.Error"/> says what was wrong.
/// </summary>
public static class FeedParser
{
    /// <summary>Parses <paramref name="text"/>, detecting its kind from the body.</summary>
    /// <param name="text">The decoded document.</param>
    /// <param name="baseUrl">The document's URL, to resolve relative links.</param>
    /// <param name="options">Limits; defaults when <see langword="null"/>.</param>
    public static FeedDocument Parse(string text, Uri? baseUrl = null, FeedParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new FeedParseOptions();
        var kind = DocumentSniffer.Detect(text);
        if (text.Length > options.MaxCharacters)
        {
            return Failed(kind, FetchErrorKind.TooLarge, $"The document has {text.Length:N0} characters, over the {options.MaxCharacters:N0} limit.");
        }

        return kind switch
        {
            DocumentKind.JsonFeed => JsonFeedReader.Read(text, baseUrl, options),
            DocumentKind.Rss or DocumentKind.Atom or DocumentKind.Sitemap or DocumentKind.SitemapIndex => XmlFeedReader.Read(text, kind, baseUrl, options),
            _ when text.TrimStart().StartsWith('<') => XmlFeedReader.Read(text, DocumentKind.Unknown, baseUrl, options),
            _ => Failed(kind, FetchErrorKind.Unsupported, "The document is not a feed or sitemap (no rss, feed, urlset or sitemapindex root, nor a JSON Feed)."),
        };
    }

    internal static FeedDocument Failed(DocumentKind kind, FetchErrorKind error, string message) =>
        new() { Kind = kind, ErrorKind = error, Error = message };

    internal static string? Absolute(string? link, Uri? baseUrl)
    {
        var value = link?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 2048)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.AbsoluteUri;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, value, out var resolved) && resolved.Scheme is "http" or "https"
            ? resolved.AbsoluteUri
            : null;
    }

    internal static string? Cut(string? value, FeedParseOptions options) =>
        value is null ? null : value.Length > options.MaxFieldCharacters ? value[..options.MaxFieldCharacters] : value;
}
