using System.Text;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Fonts;

namespace StanceBoard.Dashboard.Charts.Text;

/// <summary>
/// Text as charts handle it: cleaned of characters XML forbids (they become U+FFFD), measured with
/// the chart font, shortened with "…" to a width, and wrapped into lines. Measuring is shaping-free
/// (advance widths), the same as the SVG, PNG and PDF draw it.
/// </summary>
internal static class ChartText
{
    public const string Ellipsis = "\u2026";

    /// <summary>Replaces control characters and lone surrogates with U+FFFD and line breaks with spaces.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = null;
            if (c is '\r' or '\n' or '\t')
            {
                replacement = " ";
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            else if (char.IsSurrogate(c) || char.IsControl(c) || c is '\uFFFE' or '\uFFFF')
            {
                replacement = "\uFFFD";
            }

            if (replacement is not null && sb is null)
            {
                sb = new StringBuilder(text.Length).Append(text, 0, i);
            }

            if (replacement is not null)
            {
                sb!.Append(replacement);
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? text;
    }

    public static SKFont Font(float size, bool bold = false, bool italic = false) =>
        new(ChartFonts.Get(bold, italic), size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };

    public static float Measure(string text, float size, bool bold = false, bool italic = false)
    {
        using var font = Font(size, bold, italic);
        return font.MeasureText(text);
    }

    /// <summary>The text, or its longest prefix (at a grapheme boundary) with "…" that fits <paramref name="maxWidth"/>.</summary>
    public static string Truncate(string text, float size, float maxWidth, bool bold = false, bool italic = false)
    {
        using var font = Font(size, bold, italic);
        return Truncate(text, font, maxWidth);
    }

    public static string Truncate(string text, SKFont font, float maxWidth)
    {
        if (font.MeasureText(text) <= maxWidth)
        {
            return text;
        }

        var stops = Graphemes(text);
        int lo = 0, hi = stops.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (font.MeasureText(text[..stops[mid]].TrimEnd() + Ellipsis) <= maxWidth)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo == 0 ? Ellipsis : text[..stops[lo]].TrimEnd() + Ellipsis;
    }

    /// <summary>Greedy word wrap to <paramref name="maxWidth"/>, at most <paramref name="maxLines"/> lines (the last shortened with "…").</summary>
    public static IReadOnlyList<string> Wrap(string text, float size, float maxWidth, int maxLines, bool bold = false)
    {
        using var font = Font(size, bold);
        var lines = new List<string>();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var line = string.Empty;
        for (var i = 0; i < words.Length; i++)
        {
            var candidate = line.Length == 0 ? words[i] : line + " " + words[i];
            if (font.MeasureText(candidate) <= maxWidth || line.Length == 0)
            {
                line = candidate;
                continue;
            }

            lines.Add(line);
            line = words[i];
            if (lines.Count == maxLines - 1)
            {
                line = string.Join(' ', words[i..]);
                break;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            lines[i] = Truncate(lines[i], font, maxWidth);
        }

        return lines;
    }

    private static List<int> Graphemes(string text)
    {
        var stops = new List<int> { 0 };
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            stops.Add(e.ElementIndex + e.GetTextElement().Length);
        }

        return stops;
    }
}
