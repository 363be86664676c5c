namespace StanceBoard.Analysis.Text;

/// <summary>
/// Splits text into words: maximal runs of letters, digits and combining marks. Apostrophes
/// and hyphens split words ("Russia’s" → "russia", "s"; "Moscow-Baku" → "moscow", "baku"),
/// which lets an alias match its possessive and compound forms.
/// </summary>
public static class WordTokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> between <paramref name="start"/> and <paramref name="start"/> + <paramref name="length"/>.</summary>
    public static List<Token> Tokenize(string text, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bounds = new List<(int Start, int Length)>();
        Bounds(text, start, length, bounds);
        var tokens = new List<Token>(bounds.Count);
        foreach (var (tokenStart, tokenLength) in bounds)
        {
            tokens.Add(new Token(tokenStart, tokenLength, TextFolding.Fold(text.AsSpan(tokenStart, tokenLength))));
        }

        return tokens;
    }

    /// <summary>The positions of the words between <paramref name="start"/> and <paramref name="start"/> + <paramref name="length"/>, without folding them, into <paramref name="into"/> (cleared first).</summary>
    internal static void Bounds(string text, int start, int length, List<(int Start, int Length)> into)
    {
        into.Clear();
        var end = start + length;
        var i = start;
        while (i < end)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var tokenStart = i;
            while (i < end && IsWordChar(text[i]))
            {
                i++;
            }

            into.Add((tokenStart, i - tokenStart));
        }
    }

    /// <summary>Tokenizes all of <paramref name="text"/>.</summary>
    public static List<Token> Tokenize(string text) => Tokenize(text, 0, text?.Length ?? 0);

    private static bool IsWordChar(char c) =>
        char.IsAscii(c)
            ? char.IsAsciiLetterOrDigit(c)
            : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;
}
