using System.Text.RegularExpressions;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// Cleans author names as sites print them: drops honorifics ("Dr", "Prof."), post-nominals
/// ("PhD", "OBE"), social handles ("(@name)"), markup and stray punctuation, and tells whether
/// a string looks like a person's name at all.
/// </summary>
public static partial class AuthorNames
{
    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady",
        "amb", "ambassador", "gen", "general", "col", "colonel", "maj", "major", "lt", "capt", "captain",
        "rev", "hon", "rt", "dr.-ing",
    };

    private static readonly HashSet<string> PostNominals = new(StringComparer.OrdinalIgnoreCase)
    {
        "phd", "dphil", "md", "obe", "mbe", "cbe", "cmg", "kcmg", "frs", "jr", "sr", "esq",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "del", "della", "da", "di", "van", "von", "der", "den", "la", "le", "du", "al", "el", "bin", "ibn", "ter", "y",
    };

    /// <summary>Returns the cleaned name, or <see langword="null"/> when nothing name-like is left.</summary>
    public static string? Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = Markup().Replace(raw, " ");
        text = Handle().Replace(text, " ");
        text = text.Replace('\u00A0', ' ').Trim().Trim(',', ';', ':', '|', '-', '–', '—', '.', '"', '\'', '“', '”');
        if (text.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[3..];
        }

        var words = Spaces().Split(text).Where(w => w.Length > 0).ToList();
        while (words.Count > 0 && Honorifics.Contains(words[0].TrimEnd('.')))
        {
            words.RemoveAt(0);
        }

        while (words.Count > 0 && PostNominals.Contains(words[^1].Replace(".", string.Empty, StringComparison.Ordinal).Trim(',')))
        {
            words.RemoveAt(words.Count - 1);
        }

        var name = string.Join(' ', words).Trim(',', ' ');
        return LooksLikeName(name) ? name : null;
    }

    /// <summary>
    /// Whether <paramref name="text"/> has the shape of a personal name: two to five words, each
    /// capitalised (particles such as "de", "van", "al" excepted), letters only with hyphens,
    /// apostrophes and initials.
    /// </summary>
    public static bool LooksLikeName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
        {
            return false;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 5)
        {
            return false;
        }

        var capitalised = 0;
        foreach (var word in words)
        {
            if (Particles.Contains(word) || Particles.Contains(word.Split('-')[0]))
            {
                continue;
            }

            if (!NameWord().IsMatch(word))
            {
                return false;
            }

            capitalised++;
        }

        return capitalised >= 2;
    }

    /// <summary>Splits a byline such as "A, B and C" or "A &amp; B" into cleaned names.</summary>
    public static IReadOnlyList<string> SplitByline(string byline)
    {
        ArgumentNullException.ThrowIfNull(byline);
        return BylineSeparators().Split(byline)
            .Select(Clean)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\(?\s*@[A-Za-z0-9_]{1,30}\s*\)?")]
    private static partial Regex Handle();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(\p{Lu}\.)+$|^\p{Lu}[\p{L}\p{M}'’]*(-\p{Lu}?[\p{L}\p{M}'’]+)*\.?$")]
    private static partial Regex NameWord();

    [GeneratedRegex(@"\s*(?:,\s*and\s+|,|;|&|\band\b|\|)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex BylineSeparators();
}
