using System.Globalization;
using StanceBoard.Analysis.Text;

namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// Tokenizes and normalises text for featurization: URLs, @handles and numbers become markers;
/// hashtags are split into their words (#KarabakhCeasefire → karabakh ceasefire); words are
/// folded to lower case without diacritics; tokens are Unicode letter/digit runs, split at
/// apostrophes and hyphens as <see cref="WordTokenizer"/> does, so target mentions line up;
/// "!", "?" and quotation marks are kept as tokens (they carry sarcasm and distancing).
/// </summary>
internal static class TextNormalizer
{
    public static List<TextToken> Tokenize(string text)
    {
        var tokens = new List<TextToken>(text.Length / 5);
        Tokenize(text, 0, text.Length, tokens);
        return tokens;
    }

    /// <summary>
    /// Appends the tokens of <paramref name="text"/> between <paramref name="start"/> and
    /// <paramref name="limit"/> to <paramref name="tokens"/>, exactly as if that stretch were the
    /// whole text (nothing outside it is looked at), with offsets into <paramref name="text"/>.
    /// </summary>
    public static void Tokenize(string text, int start, int limit, List<TextToken> tokens)
    {
        var i = start;
        while (i < limit)
        {
            var c = text[i];
            var atWordStart = i == start || !IsWordChar(text[i - 1]);
            if (atWordStart && IsUrlStart(text, i, limit))
            {
                var end = i;
                while (end < limit && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                while (end > i && text[end - 1] is '.' or ',' or ')' or ';' or ':' or '"' or '\'' or '”' or '’')
                {
                    end--;
                }

                tokens.Add(new TextToken(i, end - i, TokenMarkers.Url));
                i = end;
            }
            else if (c == '@' && atWordStart && i + 1 < limit && IsHandleChar(text[i + 1]))
            {
                var end = i + 1;
                while (end < limit && IsHandleChar(text[end]))
                {
                    end++;
                }

                tokens.Add(new TextToken(i, end - i, TokenMarkers.User));
                i = end;
            }
            else if (c == '#' && atWordStart && i + 1 < limit && char.IsLetterOrDigit(text[i + 1]))
            {
                var end = i + 1;
                while (end < limit && (IsWordChar(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                SplitHashtag(text, i + 1, end, tokens);
                i = end;
            }
            else if (char.IsDigit(c))
            {
                var end = i + 1;
                while (end < limit && (char.IsDigit(text[end])
                    || (text[end] is '.' or ',' or ':' or '/' && end + 1 < limit && char.IsDigit(text[end + 1]))))
                {
                    end++;
                }

                // Suffixes that make a number a word: 1990s, 3rd, 10km.
                while (end < limit && char.IsLetter(text[end]))
                {
                    end++;
                }

                tokens.Add(new TextToken(i, end - i, TokenMarkers.Number));
                i = end;
            }
            else if (IsWordChar(c))
            {
                var end = i + 1;
                while (end < limit && IsWordChar(text[end]))
                {
                    end++;
                }

                tokens.Add(new TextToken(i, end - i, TokenPool.Fold(text.AsSpan(i, end - i))));
                i = end;
            }
            else
            {
                switch (c)
                {
                    case '!' or '?':
                        tokens.Add(new TextToken(i, 1, c == '!' ? "!" : "?"));
                        break;
                    case '"' or '“' or '”' or '«' or '»':
                        tokens.Add(new TextToken(i, 1, "\""));
                        break;
                }

                i++;
            }
        }
    }

    private static void SplitHashtag(string text, int start, int end, List<TextToken> tokens)
    {
        var partStart = start;
        for (var k = start + 1; k <= end; k++)
        {
            var boundary = k == end
                || text[k] == '_'
                || (char.IsUpper(text[k]) && char.IsLower(text[k - 1]))
                || (char.IsUpper(text[k]) && k + 1 < end && char.IsLower(text[k + 1]) && char.IsUpper(text[k - 1]))
                || (char.IsDigit(text[k]) != char.IsDigit(text[k - 1]) && text[k - 1] != '_');
            if (!boundary)
            {
                continue;
            }

            var length = k - partStart;
            if (length > 0 && text[partStart] != '_')
            {
                var value = char.IsDigit(text[partStart]) ? TokenMarkers.Number : TextFolding.Fold(text.AsSpan(partStart, length));
                tokens.Add(new TextToken(partStart, length, value));
            }

            partStart = k < end && text[k] == '_' ? k + 1 : k;
        }
    }

    /// <summary>Whether a URL starts at <paramref name="i"/>; the first letter is checked alone first, since most words start with another.</summary>
    private static bool IsUrlStart(string text, int i, int end) =>
        (text[i] | 0x20) is 'h' or 'w'
        && (StartsWith(text, i, end, "http://") || StartsWith(text, i, end, "https://") || StartsWith(text, i, end, "www."));

    private static bool StartsWith(string text, int i, int end, string prefix) =>
        end - i >= prefix.Length && text.AsSpan(i, prefix.Length).Equals(prefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsHandleChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsWordChar(char c) =>
        char.IsAscii(c)
            ? char.IsAsciiLetterOrDigit(c)
            : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
