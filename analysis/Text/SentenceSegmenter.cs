namespace StanceBoard.Analysis.Text;

/// <summary>
/// Rule-based sentence segmentation for English analysis writing. Line breaks end a sentence
/// (scraped text puts one paragraph or heading per line); within a line a sentence ends at
/// <c>.</c>, <c>!</c> or <c>?</c> (with any closing quotes or brackets) followed by white space
/// and an upper-case letter, digit or opening quote — unless the word before the full stop
/// is a known abbreviation ("Dr.", "U.S.", "e.g.") or a single initial ("J. Smith").
/// </summary>
public static class SentenceSegmenter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "maj", "capt", "sgt",
        "adm", "gov", "sen", "rep", "pres", "amb", "rev", "hon", "no", "nos", "vol", "pp", "p",
        "e.g", "i.e", "etc", "vs", "cf", "approx", "est", "inc", "ltd", "co", "corp", "dept", "univ",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "ph.d", "fig", "al",
    };

    /// <summary>Splits <paramref name="text"/> into sentences; blank and whitespace-only stretches yield none.</summary>
    public static IReadOnlyList<Sentence> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<Sentence>();
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n' || text[i] == '\r')
            {
                SplitLine(text, lineStart, i, sentences);
                lineStart = i + 1;
            }
        }

        return sentences;
    }

    private static void SplitLine(string text, int start, int end, List<Sentence> sentences)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            var boundary = i + 1;
            while (boundary < end && text[boundary] is '.' or '!' or '?' or '"' or '\'' or '”' or '’' or ')' or ']')
            {
                boundary++;
            }

            if (boundary < end && !char.IsWhiteSpace(text[boundary]))
            {
                continue;
            }

            var next = boundary;
            while (next < end && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < end && !StartsSentence(text[next]))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, sentenceStart, i))
            {
                continue;
            }

            Add(text, sentenceStart, boundary, sentences);
            sentenceStart = boundary;
            i = boundary - 1;
        }

        Add(text, sentenceStart, end, sentences);
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '«';

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 0)
        {
            return false;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial: "J. Smith"
        }

        return Abbreviations.Contains(word.ToString());
    }

    private static void Add(string text, int start, int end, List<Sentence> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new Sentence(sentences.Count, start, end - start, text[start..end]));
        }
    }
}
