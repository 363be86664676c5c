using System.Xml;
using System.Xml.Linq;
using StanceBoard.Ingestion.Detection;
using StanceBoard.Ingestion.Extraction;
using StanceBoard.Ingestion.Fetching;

namespace StanceBoard.Ingestion.Feeds;

/// <summary>Streams an XML feed or sitemap, materialising one item at a time.</summary>
internal static class XmlFeedReader
{
    public static FeedDocument Read(string text, DocumentKind kind, Uri? baseUrl, FeedParseOptions options)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxCharacters,
            MaxCharactersFromEntities = 10_000,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
        };
        var items = new List<FeedItem>();
        var children = new List<string>();
        var warnings = new List<string>();
        var total = 0;
        string? title = null, site = null, language = null;
        IReadOnlyList<string> feedAuthors = [];
        try
        {
            using var input = new StringReader(text);
            using var reader = XmlReader.Create(input, settings);
            reader.MoveToContent();
            kind = KindOf(reader.LocalName, kind);
            language = Language(reader.XmlLang);
            if (kind == DocumentKind.Unknown)
            {
                return FeedParser.Failed(kind, FetchErrorKind.Unsupported, $"The XML root element <{reader.Name}> is not rss, RDF, feed, urlset or sitemapindex.");
            }

            var itemName = kind switch
            {
                DocumentKind.Atom => "entry",
                DocumentKind.Sitemap => "url",
                DocumentKind.SitemapIndex => "sitemap",
                _ => "item",
            };
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                if (reader.LocalName == itemName)
                {
                    total++;
                    var keep = kind == DocumentKind.SitemapIndex ? children.Count < options.MaxChildSitemaps : items.Count < options.MaxItems;
                    if (!keep)
                    {
                        reader.Skip();
                        continue;
                    }

                    var element = (XElement)XNode.ReadFrom(reader);
                    if (kind == DocumentKind.SitemapIndex)
                    {
                        if (FeedParser.Absolute(Value(element, "loc"), baseUrl) is { } loc)
                        {
                            children.Add(loc);
                        }
                        else
                        {
                            warnings.Add($"Sitemap entry {total} has no usable <loc>.");
                        }

                        continue;
                    }

                    FeedItem item;
                    try
                    {
                        item = kind switch
                        {
                            DocumentKind.Atom => AtomEntry(element, baseUrl, options),
                            DocumentKind.Sitemap => SitemapUrl(element, baseUrl),
                            _ => RssItem(element, baseUrl, options),
                        };
                    }
                    catch (Exception ex) when (ex is not XmlException)
                    {
                        // A fault in reading one entry skips that entry, not the feed.
                        warnings.Add($"Item {total} could not be read ({ex.GetType().Name}); skipped.");
                        continue;
                    }

                    if (item.Url is null)
                    {
                        warnings.Add($"Item {total} ('{item.Title ?? item.Id ?? "untitled"}') has no usable link; skipped.");
                        continue;
                    }

                    items.Add(item with
                    {
                        Authors = item.Authors.Count > 0 ? item.Authors : feedAuthors,
                        Language = item.Language ?? language,
                        Outlet = item.Outlet ?? title,
                    });
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "title" when title is null && kind is DocumentKind.Rss or DocumentKind.Atom && reader.Depth <= 2:
                        title = Clean(reader.ReadElementContentAsString());
                        continue;
                    case "link" when site is null && kind is DocumentKind.Rss && reader.Depth == 2 && reader.NamespaceURI.Length == 0:
                        site = FeedParser.Absolute(reader.ReadElementContentAsString(), baseUrl);
                        continue;
                    case "link" when site is null && kind is DocumentKind.Atom && reader.Depth == 1 && reader.GetAttribute("rel") is null or "alternate":
                        site = FeedParser.Absolute(reader.GetAttribute("href"), baseUrl);
                        break;
                    case "language" when language is null && reader.Depth <= 2:
                        language = Language(reader.ReadElementContentAsString());
                        continue;
                    case "author" when kind is DocumentKind.Atom && reader.Depth == 1:
                        feedAuthors = PersonNames.Clean(Value((XElement)XNode.ReadFrom(reader), "name"));
                        continue;
                    case "channel":
                        break;
                    default:
                        break;
                }

                reader.Read();
            }
        }
        catch (XmlException ex)
        {
            var dtd = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || HasDoctype(text);
            return Document() with
            {
                ErrorKind = dtd ? FetchErrorKind.DtdProhibited : FetchErrorKind.Malformed,
                Error = dtd
                    ? "The document declares a DTD; DTDs are refused to prevent entity expansion (billion laughs) and external entity (XXE) attacks."
                    : $"Malformed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}" + (items.Count + children.Count > 0 ? $" ({items.Count + children.Count} entries before the fault were kept)" : string.Empty),
            };
        }

        return Document();

        // What was read so far, complete or up to a fault.
        FeedDocument Document() => new()
        {
            Kind = kind,
            Title = title,
            SiteUrl = site,
            Language = language,
            Items = items,
            ChildSitemaps = children,
            TotalItems = total,
            Warnings = warnings,
        };
    }

    private static DocumentKind KindOf(string root, DocumentKind hint) => root switch
    {
        "rss" or "RDF" => DocumentKind.Rss,
        "feed" => DocumentKind.Atom,
        "urlset" => DocumentKind.Sitemap,
        "sitemapindex" => DocumentKind.SitemapIndex,
        _ => hint is DocumentKind.Html ? DocumentKind.Unknown : hint,
    };

    private static FeedItem RssItem(XElement item, Uri? baseUrl, FeedParseOptions options)
    {
        var guid = Child(item, "guid");
        var permalink = guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        var link = FeedParser.Absolute(Value(item, "link"), baseUrl)
            ?? FeedParser.Absolute(Children(item, "link").Select(l => (string?)l.Attribute("href")).FirstOrDefault(h => h is not null), baseUrl)
            ?? FeedParser.Absolute((string?)item.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")), baseUrl)
            ?? (permalink ? FeedParser.Absolute(guid?.Value, baseUrl) : null);
        var authors = Children(item, "creator").Select(e => e.Value)
            .Concat(Children(item, "author").Select(e => RssAuthor(e.Value)));
        return new FeedItem
        {
            Url = link,
            Id = Clean(guid?.Value) ?? link,
            Title = Clean(Value(item, "title")),
            Authors = PersonNames.CleanAll(authors),
            Published = FeedDates.Parse(Value(item, "pubDate")) ?? FeedDates.Parse(Value(item, "date")) ?? FeedDates.Parse(Value(item, "published")),
            Updated = FeedDates.Parse(Value(item, "updated")) ?? FeedDates.Parse(Value(item, "modified")),
            Summary = FeedParser.Cut(Value(item, "description"), options),
            Content = FeedParser.Cut(Value(item, "encoded"), options),
            Language = Language(Value(item, "language")),
        };
    }

    private static FeedItem AtomEntry(XElement entry, Uri? baseUrl, FeedParseOptions options)
    {
        var links = Children(entry, "link").ToList();
        var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate" && ((string?)l.Attribute("type"))?.Contains("html", StringComparison.OrdinalIgnoreCase) != false)
            ?? links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate");
        var entryBase = (string?)entry.Attribute(XNamespace.Xml + "base") is { } xmlBase && Uri.TryCreate(baseUrl, xmlBase, out var b) ? b : baseUrl;
        var id = Clean(Value(entry, "id"));
        var link = FeedParser.Absolute((string?)alternate?.Attribute("href"), entryBase);
        if (link is null && id is not null && id.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            link = FeedParser.Absolute(id, entryBase);
        }

        return new FeedItem
        {
            Url = link,
            Id = id ?? link,
            Title = Clean(Value(entry, "title")),
            Authors = PersonNames.CleanAll(Children(entry, "author").Select(a => Value(a, "name") ?? a.Value)),
            Published = FeedDates.Parse(Value(entry, "published")) ?? FeedDates.Parse(Value(entry, "issued")),
            Updated = FeedDates.Parse(Value(entry, "updated")) ?? FeedDates.Parse(Value(entry, "modified")),
            Summary = FeedParser.Cut(Content(Child(entry, "summary")), options),
            Content = FeedParser.Cut(Content(Child(entry, "content")), options),
            Language = Language((string?)entry.Attribute(XNamespace.Xml + "lang")),
        };
    }

    private static FeedItem SitemapUrl(XElement url, Uri? baseUrl)
    {
        var news = Child(url, "news");
        var publication = news is null ? null : Child(news, "publication");
        return new FeedItem
        {
            Url = FeedParser.Absolute(Value(url, "loc"), baseUrl),
            Id = Value(url, "loc")?.Trim(),
            Title = news is null ? null : Clean(Value(news, "title")),
            Published = news is null ? null : FeedDates.Parse(Value(news, "publication_date")),
            Updated = FeedDates.Parse(Value(url, "lastmod")),
            Outlet = publication is null ? null : Clean(Value(publication, "name")),
            Language = publication is null ? null : Language(Value(publication, "language")),
        };
    }

    private static string? Content(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        return (string?)element.Attribute("type") == "xhtml"
            ? string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))
            : element.Value;
    }

    private static string RssAuthor(string value)
    {
        // RSS 2.0 <author> is "email (Name)"; keep the name.
        var open = value.IndexOf('(', StringComparison.Ordinal);
        var close = value.LastIndexOf(')');
        return open >= 0 && close > open ? value[(open + 1)..close] : value;
    }

    private static bool HasDoctype(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096));
        return head.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Language(string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v) || v.Length > 35)
        {
            return null;
        }

        var primary = v.Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    private static string? Clean(string? value)
    {
        var text = MarkupText.Strip(value);
        return text.Length == 0 ? null : text;
    }

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    private static string? Value(XElement parent, string localName) => Child(parent, localName)?.Value;
}
