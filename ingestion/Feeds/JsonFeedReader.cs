using System.Text.Json;
using StanceBoard.Ingestion.Detection;
using StanceBoard.Ingestion.Extraction;
using StanceBoard.Ingestion.Fetching;

namespace StanceBoard.Ingestion.Feeds;

/// <summary>Reads a JSON Feed 1.0/1.1 document.</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static FeedDocument Read(string text, Uri? baseUrl, FeedParseOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, s_options);
        }
        catch (JsonException ex)
        {
            return FeedParser.Failed(DocumentKind.JsonFeed, FetchErrorKind.Malformed, $"Malformed JSON Feed at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return FeedParser.Failed(DocumentKind.JsonFeed, FetchErrorKind.Malformed, "A JSON Feed must be a JSON object.");
            }

            var title = MarkupText.Strip(String(root, "title"));
            var language = String(root, "language")?.Split('-')[0].ToLowerInvariant();
            var feedAuthors = Authors(root);
            var items = new List<FeedItem>();
            var warnings = new List<string>();
            var total = 0;
            if (root.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in array.EnumerateArray())
                {
                    total++;
                    if (items.Count >= options.MaxItems || entry.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    try
                    {
                        if (Item(entry, total, title, language, feedAuthors, baseUrl, options, warnings) is { } item)
                        {
                            items.Add(item);
                        }
                    }
                    catch (Exception ex) when (ex is not JsonException)
                    {
                        // A fault in reading one entry skips that entry, not the feed.
                        warnings.Add($"Item {total} could not be read ({ex.GetType().Name}); skipped.");
                    }
                }
            }

            return new FeedDocument
            {
                Kind = DocumentKind.JsonFeed,
                Title = title.Length > 0 ? title : null,
                SiteUrl = FeedParser.Absolute(String(root, "home_page_url"), baseUrl),
                Language = language,
                Items = items,
                TotalItems = total,
                Warnings = warnings,
            };
        }
    }

    private static IReadOnlyList<string> Authors(JsonElement element)
    {
        var names = new List<string?>();
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            names.AddRange(authors.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(a => String(a, "name")));
        }

        if (element.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object)
        {
            names.Add(String(author, "name"));
        }

        return PersonNames.CleanAll(names);
    }

    private static FeedItem? Item(JsonElement entry, int number, string title, string? language, IReadOnlyList<string> feedAuthors, Uri? baseUrl, FeedParseOptions options, List<string> warnings)
    {
        var url = FeedParser.Absolute(String(entry, "url"), baseUrl) ?? FeedParser.Absolute(String(entry, "external_url"), baseUrl);
        var itemTitle = MarkupText.Strip(String(entry, "title"));
        if (url is null)
        {
            warnings.Add($"Item {number} ('{(itemTitle.Length > 0 ? itemTitle : "untitled")}') has no usable url; skipped.");
            return null;
        }

        var authors = Authors(entry);
        return new FeedItem
        {
            Url = url,
            Id = String(entry, "id") ?? url,
            Title = itemTitle.Length > 0 ? itemTitle : null,
            Authors = authors.Count > 0 ? authors : feedAuthors,
            Published = FeedDates.Parse(String(entry, "date_published")),
            Updated = FeedDates.Parse(String(entry, "date_modified")),
            Summary = FeedParser.Cut(String(entry, "summary"), options),
            Content = FeedParser.Cut(String(entry, "content_html") ?? String(entry, "content_text"), options),
            Language = String(entry, "language")?.Split('-')[0].ToLowerInvariant() ?? language,
            Outlet = title.Length > 0 ? title : null,
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
