using System.Text.Json;
using StanceBoard.Ingestion.Feeds;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// Reads schema.org JSON-LD: flattens arrays and <c>@graph</c>, follows <c>@id</c> references
/// (author → Person, publisher → Organization), and picks the most article-like node.
/// Broken blocks are skipped; nothing here throws for bad input.
/// </summary>
internal static class JsonLdReader
{
    private const int MaxBlockChars = 1_000_000;
    private const int MaxNodes = 500;

    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static readonly string[] s_articleTypes =
    [
        "NewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
        "Article", "BlogPosting", "ScholarlyArticle", "Report", "TechArticle", "SocialMediaPosting", "LiveBlogPosting", "Blog",
    ];

    public static JsonLdArticle? Read(IEnumerable<string> blocks)
    {
        var nodes = new List<JsonElement>();
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var block in blocks)
            {
                var json = Unwrap(block);
                if (json.Length == 0 || json.Length > MaxBlockChars)
                {
                    continue;
                }

                try
                {
                    var document = JsonDocument.Parse(json, s_options);
                    documents.Add(document);
                    Flatten(document.RootElement, nodes);
                }
                catch (JsonException)
                {
                    // A broken block is common (hand-edited templates); the others still count.
                }
            }

            var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var node in nodes)
            {
                if (Str(node, "@id") is { } id)
                {
                    byId.TryAdd(id, node);
                }
            }

            var article = nodes
                .Select(n => (Node: n, Rank: Rank(n)))
                .Where(x => x.Rank < int.MaxValue)
                .OrderBy(x => x.Rank)
                .Select(x => (JsonElement?)x.Node)
                .FirstOrDefault();
            if (article is not { } a)
            {
                return null;
            }

            var webPage = nodes.FirstOrDefault(n => HasType(n, "WebPage"));
            return new JsonLdArticle
            {
                Headline = MarkupText.Strip(Str(a, "headline") ?? Str(a, "name")) is { Length: > 0 } h ? h : null,
                Authors = PersonNames.CleanAll(Names(a, "author", byId).Concat(Names(a, "creator", byId))),
                Publisher = Names(a, "publisher", byId).FirstOrDefault() ?? (webPage.ValueKind == JsonValueKind.Object ? Names(webPage, "publisher", byId).FirstOrDefault() : null),
                Published = FeedDates.Parse(Str(a, "datePublished")) ?? FeedDates.Parse(Str(a, "dateCreated")),
                Modified = FeedDates.Parse(Str(a, "dateModified")),
                Language = Str(a, "inLanguage") ?? (webPage.ValueKind == JsonValueKind.Object ? Str(webPage, "inLanguage") : null),
                Url = Str(a, "url") ?? MainEntityUrl(a),
                Body = Str(a, "articleBody"),
            };
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    private static string Unwrap(string block)
    {
        var s = block.Trim();
        if (s.StartsWith("<![CDATA[", StringComparison.Ordinal))
        {
            s = s[9..];
            s = s.EndsWith("]]>", StringComparison.Ordinal) ? s[..^3] : s;
        }

        s = s.Replace("<!--", string.Empty, StringComparison.Ordinal).Replace("-->", string.Empty, StringComparison.Ordinal).Trim();
        return s.TrimEnd(';').Trim();
    }

    private static void Flatten(JsonElement element, List<JsonElement> nodes)
    {
        if (nodes.Count >= MaxNodes)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, nodes);
                }

                break;
            case JsonValueKind.Object:
                nodes.Add(element);
                if (element.TryGetProperty("@graph", out var graph))
                {
                    Flatten(graph, nodes);
                }

                if (element.TryGetProperty("mainEntity", out var main) && main.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    Flatten(main, nodes);
                }

                break;
        }
    }

    private static int Rank(JsonElement node)
    {
        for (var i = 0; i < s_articleTypes.Length; i++)
        {
            if (HasType(node, s_articleTypes[i]))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static bool HasType(JsonElement node, string type)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("@type", out var t))
        {
            return false;
        }

        return t.ValueKind switch
        {
            JsonValueKind.String => Matches(t.GetString(), type),
            JsonValueKind.Array => t.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && Matches(x.GetString(), type)),
            _ => false,
        };
    }

    private static bool Matches(string? value, string type) =>
        value is not null && (value.Equals(type, StringComparison.OrdinalIgnoreCase) || value.EndsWith("/" + type, StringComparison.OrdinalIgnoreCase) || value.EndsWith(":" + type, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string?> Names(JsonElement node, string property, Dictionary<string, JsonElement> byId)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            return [];
        }

        return Expand(value, byId, 0);
    }

    private static IEnumerable<string?> Expand(JsonElement value, Dictionary<string, JsonElement> byId, int depth)
    {
        if (depth > 3)
        {
            yield break;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var s = value.GetString();
                if (s is not null && !s.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    yield return s;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    foreach (var name in Expand(item, byId, depth + 1))
                    {
                        yield return name;
                    }
                }

                break;
            case JsonValueKind.Object:
                if (Str(value, "name") is { } n)
                {
                    yield return n;
                }
                else if (Str(value, "@id") is { } id && byId.TryGetValue(id, out var target) && Str(target, "name") is { } targetName)
                {
                    yield return targetName;
                }

                break;
        }
    }

    private static string? MainEntityUrl(JsonElement node) =>
        node.TryGetProperty("mainEntityOfPage", out var m)
            ? m.ValueKind == JsonValueKind.String ? m.GetString() : m.ValueKind == JsonValueKind.Object ? Str(m, "@id") ?? Str(m, "url") : null
            : null;

    private static string? Str(JsonElement node, string property)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(),
            JsonValueKind.Object => Str(value, "@value"),
            _ => null,
        };
    }
}
