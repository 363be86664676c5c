namespace StanceBoard.Benchmarks.OldEngine.Text;

/// <summary>Fits text into a width: truncation with an ellipsis, and greedy word wrapping.</summary>
internal static class TextFit
{
    public const string Ellipsis = "\u2026";

    /// <summary>The longest prefix of <paramref name="text"/> that fits with "…" appended, or the text itself when it fits.</summary>
    public static string Truncate(string text, double maxWidth, double size, bool bold, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(text);
        truncated = false;
        if (FontMetrics.Measure(text, size, bold) <= maxWidth + 0.01)
        {
            return text;
        }

        truncated = true;
        var ellipsis = FontMetrics.Measure(Ellipsis, size, bold);
        int lo = 0, hi = text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (FontMetrics.Measure(text.AsSpan(0, mid), size, bold) + ellipsis <= maxWidth)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (lo > 0 && char.IsHighSurrogate(text[lo - 1]))
        {
            lo--;
        }

        return text[..lo].TrimEnd() + Ellipsis;
    }

    /// <summary>Wraps at spaces into at most <paramref name="maxLines"/> lines; the last line is truncated if text remains.</summary>
    public static IReadOnlyList<string> Wrap(string? text, double maxWidth, double size, bool bold, int maxLines)
    {
        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return lines;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var current = string.Empty;
        for (var i = 0; i < words.Length; i++)
        {
            var candidate = current.Length == 0 ? words[i] : current + " " + words[i];
            if (current.Length > 0 && FontMetrics.Measure(candidate, size, bold) > maxWidth)
            {
                if (lines.Count == maxLines - 1)
                {
                    var rest = current + " " + string.Join(' ', words[i..]);
                    lines.Add(Truncate(rest, maxWidth, size, bold, out _));
                    return lines;
                }

                lines.Add(Truncate(current, maxWidth, size, bold, out _));
                current = words[i];
            }
            else
            {
                current = candidate;
            }
        }

        lines.Add(Truncate(current, maxWidth, size, bold, out _));
        return lines;
    }
}
