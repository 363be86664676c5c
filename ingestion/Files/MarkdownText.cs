using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StanceBoard.Ingestion.Files;

/// <summary>
/// Reads Markdown as plain text: YAML front matter (title, author/authors, date/published,
/// outlet/publication, url, lang) becomes metadata, and markup (headings, emphasis, links,
/// images, block quotes, HTML tags) is removed from the text.
/// </summary>
public static partial class MarkdownText
{
    /// <summary>The front matter fields and the text with markup removed.</summary>
    public static (IReadOnlyDictionary<string, string> FrontMatter, string Text) Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var front = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = markdown.ReplaceLineEndings("\n");
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
            if (end > 0)
            {
                foreach (var line in text[4..end].Split('\n'))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        front[line[..colon].Trim()] = line[(colon + 1)..].Trim().Trim('"', '\'');
                    }
                }

                var after = text.IndexOf('\n', end + 4);
                text = after < 0 ? string.Empty : text[(after + 1)..];
            }
        }

        var builder = new StringBuilder(text.Length);
        foreach (var raw in text.Split('\n'))
        {
            var line = Heading().Replace(raw, string.Empty);
            line = Quote().Replace(line, string.Empty);
            line = Image().Replace(line, string.Empty);
            line = Link().Replace(line, "$1");
            line = Emphasis().Replace(line, "$2");
            line = Code().Replace(line, "$1");
            line = Tag().Replace(line, string.Empty);
            builder.Append(line).Append('\n');
        }

        return (front, builder.ToString());
    }

    /// <summary>Parses a front-matter date; <see langword="null"/> when it is not a date.</summary>
    public static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}>\s?")]
    private static partial Regex Quote();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"`([^`]*)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"<[^>\n]{1,200}>")]
    private static partial Regex Tag();
}
