using System.Text;

namespace StanceBoard.Benchmarks.OldEngine.Svg;

/// <summary>
/// Escapes text for SVG (XML) content and attributes. Characters XML 1.0 forbids (control
/// characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD so the document always parses.
/// </summary>
internal static class SvgEscape
{
    public static void Append(StringBuilder sb, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '"':
                    sb.Append("&quot;");
                    break;
                case '\'':
                    sb.Append("&#39;");
                    break;
                case '\t' or '\n' or '\r':
                    sb.Append(' ');
                    break;
                case < ' ' or '\uFFFE' or '\uFFFF':
                    sb.Append('\uFFFD');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }
    }

    public static string Escape(string? text)
    {
        var sb = new StringBuilder(text?.Length ?? 0);
        Append(sb, text);
        return sb.ToString();
    }
}
