using AngleSharp.Dom;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>Reads &lt;meta&gt; and &lt;link&gt; values by name or property, case-insensitively.</summary>
internal sealed class HtmlMetadata
{
    private readonly Dictionary<string, List<string>> _meta = new(StringComparer.OrdinalIgnoreCase);

    public HtmlMetadata(IDocument document)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? meta.GetAttribute("http-equiv");
            var value = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!_meta.TryGetValue(key.Trim(), out var list))
            {
                _meta[key.Trim()] = list = [];
            }

            if (list.Count < 20)
            {
                list.Add(value.Trim());
            }
        }

        Canonical = document.QuerySelectorAll("link[rel~='canonical' i]").Select(l => l.GetAttribute("href")).FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));
        RelAuthors = [.. document.QuerySelectorAll("a[rel~='author' i], link[rel~='author' i][title]")
            .Where(a => !HtmlBoilerplate.IsInFurniture(a))
            .Select(a => a.LocalName == "link" ? a.GetAttribute("title") : a.TextContent)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => t!)];
    }

    public string? Canonical { get; }

    public IReadOnlyList<string> RelAuthors { get; }

    public string? First(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (_meta.TryGetValue(key, out var values) && values.Count > 0)
            {
                return values[0];
            }
        }

        return null;
    }

    public IEnumerable<string> All(params string[] keys) =>
        keys.SelectMany(k => _meta.TryGetValue(k, out var values) ? values : []);
}
