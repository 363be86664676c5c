using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using StanceBoard.Ingestion.Dedupe;
using StanceBoard.Ingestion.Feeds;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// Extracts an article from an HTML page with AngleSharp: title, authors (JSON-LD, meta tags,
/// rel=author, byline elements, "By …" lines, "WRITTEN BY" blocks, bio sentences), outlet,
/// published and modified dates, language, canonical URL, and the main text found by content
/// scoring after navigation, cookie banners, share bars and related-content blocks are removed.
/// Unknown fields stay <see langword="null"/>; nothing is escaped here (that is the renderer's job).
/// </summary>
public static partial class HtmlArticleExtractor
{
    /// <summary>Pages longer than this many characters are cut before parsing.</summary>
    public const int MaxHtmlChars = 4_000_000;

    private static readonly HtmlParserOptions s_parserOptions = new()
    {
        IsScripting = false,
        MaximumDepth = 512,
        SkipComments = true,
        SkipProcessingInstructions = true,
    };

    /// <summary>Extracts the article in <paramref name="html"/>; <paramref name="pageUrl"/> resolves relative links.</summary>
    public static ExtractedArticle Extract(string html, Uri? pageUrl = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.Length > MaxHtmlChars)
        {
            html = html[..MaxHtmlChars];
        }

        var parser = new HtmlParser(s_parserOptions);
        using var document = parser.ParseDocument(HtmlDepthLimiter.Limit(html));
        var meta = new HtmlMetadata(document);
        var jsonLd = JsonLdReader.Read(document.QuerySelectorAll("script[type='application/ld+json' i]").Select(s => s.TextContent));
        var outlet = Outlet(meta, jsonLd, document);
        var title = HtmlTitles.Choose(document, meta, jsonLd, outlet);
        var published = jsonLd?.Published
            ?? FeedDates.Parse(meta.First("article:published_time", "og:article:published_time", "datePublished", "publish-date", "publish_date", "pubdate",
                "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "citation_publication_date", "citation_date", "parsely-pub-date",
                "sailthru.date", "og:published_time", "published_time", "article.published"))
            ?? HtmlDates.FindPublished(document);
        var modified = jsonLd?.Modified
            ?? FeedDates.Parse(meta.First("article:modified_time", "og:updated_time", "dateModified", "dcterms.modified", "last-modified", "article.updated"))
            ?? HtmlDates.FindModified(document);
        var language = Language(document.DocumentElement.GetAttribute("lang"))
            ?? Language(meta.First("content-language", "language", "dc.language", "og:locale"))
            ?? Language(jsonLd?.Language);
        var canonical = Canonical(meta, jsonLd, pageUrl);

        // Authors written in the page are looked for before the furniture (bylines, bios) is removed.
        var metaAuthors = WithoutOutlet(AuthorsFromMetadata(meta, jsonLd), outlet);
        var domAuthors = metaAuthors.Count > 0 ? [] : WithoutOutlet(AuthorsFromPage(document), outlet);

        HtmlCleaner.Clean(document);
        var body = document.Body;
        var paragraphs = body is null ? [] : Clean(HtmlTextWriter.Paragraphs(HtmlContentFinder.Find(body)), title);
        if (paragraphs.Sum(p => p.Length) < 200 && MarkupText.Strip(jsonLd?.Body) is { Length: > 200 } ldBody)
        {
            paragraphs = [ldBody];
        }

        var authors = metaAuthors.Count > 0 ? metaAuthors : domAuthors;
        if (authors.Count == 0)
        {
            authors = HtmlBylines.FromBioSentences(document, paragraphs.TakeLast(4));
        }

        authors = WithoutOutlet(authors, outlet);
        paragraphs = TrimTrailingBio(paragraphs, authors);
        return new ExtractedArticle
        {
            Title = title,
            Text = string.Join("\n\n", paragraphs),
            Authors = authors,
            Outlet = outlet,
            Published = published,
            Modified = modified,
            Language = language,
            CanonicalUrl = canonical,
        };
    }

    private static List<string> Clean(List<string> paragraphs, string title)
    {
        var kept = new List<string>(paragraphs.Count);
        foreach (var paragraph in paragraphs)
        {
            // "Notes", "See also", "About the author": what follows is the site's furniture, not the argument.
            if (kept.Count > 0 && BoilerplateFilter.IsTrailingSectionHeading(paragraph))
            {
                break;
            }

            if (!HtmlLineFilter.IsBoilerplate(paragraph, title) && !BoilerplateFilter.IsBoilerplateLine(paragraph))
            {
                kept.Add(paragraph);
            }
        }

        return kept;
    }

    private static IReadOnlyList<string> WithoutOutlet(IReadOnlyList<string> authors, string? outlet) =>
        outlet is null ? authors : [.. authors.Where(a => !a.Equals(outlet, StringComparison.OrdinalIgnoreCase))];

    private static IReadOnlyList<string> AuthorsFromMetadata(HtmlMetadata meta, JsonLdArticle? jsonLd)
    {
        if (jsonLd?.Authors is { Count: > 0 } ld)
        {
            return ld;
        }

        var metaNames = PersonNames.CleanAll(meta.All("author", "article:author", "citation_author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl", "twitter:creator:name")
            .Where(v => !v.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !v.StartsWith('@')));
        return metaNames.Count > 0 ? metaNames : PersonNames.CleanAll(meta.RelAuthors);
    }

    private static IReadOnlyList<string> AuthorsFromPage(IDocument document)
    {
        var names = HtmlBylines.FromBylineElements(document);
        if (names.Count == 0)
        {
            names = HtmlBylines.FromByLines(document);
        }

        return names.Count > 0 ? names : HtmlBylines.FromWrittenByBlocks(document);
    }

    private static List<string> TrimTrailingBio(List<string> paragraphs, IReadOnlyList<string> authors)
    {
        // A closing italic bio ("Jane Doe is a fellow at …") is about the author, not part of the argument.
        while (paragraphs.Count > 1 && paragraphs[^1].Length < 400
            && (AuthorHeuristics.ParseBio(paragraphs[^1]) is { Count: > 0 } || authors.Any(a => paragraphs[^1].StartsWith(a, StringComparison.Ordinal) && BioStart().IsMatch(paragraphs[^1][a.Length..]))))
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        return paragraphs;
    }

    private static string? Outlet(HtmlMetadata meta, JsonLdArticle? jsonLd, IDocument document)
    {
        var name = meta.First("og:site_name", "application-name", "publisher", "dc.publisher", "citation_publisher", "citation_journal_title")
            ?? jsonLd?.Publisher
            ?? HtmlTitles.SiteSuffix(document.Title);
        var clean = MarkupText.Strip(name);
        return clean.Length is > 0 and <= 100 ? clean : null;
    }

    private static string? Canonical(HtmlMetadata meta, JsonLdArticle? jsonLd, Uri? pageUrl)
    {
        foreach (var candidate in new[] { meta.Canonical, meta.First("og:url"), jsonLd?.Url })
        {
            if (string.IsNullOrWhiteSpace(candidate))
            {
                continue;
            }

            var absolute = pageUrl is not null && Uri.TryCreate(pageUrl, candidate.Trim(), out var resolved) ? resolved
                : Uri.TryCreate(candidate.Trim(), UriKind.Absolute, out var abs) ? abs : null;
            if (absolute is not null && UrlCanonicalizer.Normalize(absolute) is { } normalized)
            {
                return normalized;
            }
        }

        return pageUrl is null ? null : UrlCanonicalizer.Normalize(pageUrl);
    }

    [GeneratedRegex(@"^(\s*\(@\w{1,30}\))?,?\s+(is|was|serves|works|are)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BioStart();

    private static string? Language(string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        var primary = v.Split('-', '_', ',', ';')[0].Trim().ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }
}
