using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>Turns a snippet that may hold HTML tags or entities into plain, single-spaced text.</summary>
public static partial class MarkupText
{
    /// <summary>Strips tags (script and style with their content), decodes entities and collapses white space.</summary>
    public static string Strip(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = html;
        if (text.Contains('<', StringComparison.Ordinal))
        {
            text = ScriptOrStyle().Replace(text, " ");
            text = Tag().Replace(text, " ");
        }

        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }

        return CollapseSpaces(text);
    }

    /// <summary>Collapses runs of white space (non-breaking and zero-width included) into one space and trims.</summary>
    public static string CollapseSpaces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\uFEFF' or '\u00AD')
            {
                space = sb.Length > 0 && c is not ('\u200B' or '\u200C' or '\uFEFF' or '\u00AD') || space;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();
}
