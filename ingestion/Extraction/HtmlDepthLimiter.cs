using System.Text;
using System.Text.RegularExpressions;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// Guards the HTML parser against pathological nesting: AngleSharp's tree construction is
/// quadratic in nesting depth (50,000 nested divs take over 20 s), so tags nested deeper than a
/// limit are dropped before parsing, keeping their text. Real pages nest a few dozen levels.
/// </summary>
internal static partial class HtmlDepthLimiter
{
    public const int MaxDepth = 160;

    private static readonly HashSet<string> s_notCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "td", "th", "tr", "option", "dt", "dd", "html", "head", "body", "tbody", "thead", "colgroup",
    };

    /// <summary>Returns <paramref name="html"/> unchanged when it nests within the limit, else with the deepest tags removed.</summary>
    public static string Limit(string html, int maxDepth = MaxDepth)
    {
        if (!NeedsLimiting(html, maxDepth))
        {
            return html;
        }

        var sb = new StringBuilder(html.Length);
        var dropped = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var depth = 0;
        var last = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups["name"].Value;
            if (s_notCounted.Contains(name) || tag.Value.EndsWith("/>", StringComparison.Ordinal))
            {
                continue;
            }

            var closing = tag.Groups["close"].Success;
            var drop = false;
            if (closing)
            {
                if (dropped.TryGetValue(name, out var n) && n > 0)
                {
                    dropped[name] = n - 1;
                    drop = true;
                }
                else
                {
                    depth = Math.Max(0, depth - 1);
                }
            }
            else if (depth >= maxDepth)
            {
                dropped[name] = dropped.GetValueOrDefault(name) + 1;
                drop = true;
            }
            else
            {
                depth++;
            }

            if (drop)
            {
                sb.Append(html, last, tag.Index - last);
                if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1]))
                {
                    sb.Append(' ');
                }

                last = tag.Index + tag.Length;
            }
        }

        return sb.Append(html, last, html.Length - last).ToString();
    }

    private static bool NeedsLimiting(string html, int maxDepth)
    {
        var depth = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups["name"].Value;
            if (s_notCounted.Contains(name) || tag.Value.EndsWith("/>", StringComparison.Ordinal))
            {
                continue;
            }

            depth = tag.Groups["close"].Success ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > maxDepth)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9-]{0,30})\b[^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
