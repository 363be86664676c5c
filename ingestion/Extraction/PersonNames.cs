using System.Globalization;
using System.Text.RegularExpressions;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// Cleans author strings from meta tags, JSON-LD, feeds and bylines into person names: strips
/// markup, "By", honorifics, handles, e-mail addresses and degrees, splits "A and B" and "A, B",
/// and rejects strings that do not look like names.
/// </summary>
public static partial class PersonNames
{
    private static readonly char[] s_quotes = ['\'', '"', '‘', '’', '“', '”', '«', '»', '`'];

    private static readonly HashSet<string> s_honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "Dr", "Dr.", "Prof", "Prof.", "Professor", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx.", "Sir", "Dame",
        "Ambassador", "Amb.", "Gen.", "General", "Col.", "Colonel", "Rev.", "H.E.", "Hon.", "Lord", "Lady", "Senator", "Sen.", "Rep.",
    };

    private static readonly HashSet<string> s_suffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "PhD", "Ph.D.", "Ph.D", "DPhil", "D.Phil.", "MD", "M.D.", "MA", "M.A.", "MSc", "MBA", "OBE", "CBE", "KBE", "MBE", "Esq.", "Jr.", "Jr", "Sr.", "Sr", "II", "III",
    };

    private static readonly HashSet<string> s_particles = new(StringComparer.Ordinal)
    {
        "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el", "ter", "dos", "das", "del", "y", "zu", "af",
    };

    private static readonly HashSet<string> s_notNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "administrator", "staff", "editor", "editors", "guest", "guest author", "contributor", "unknown", "anonymous", "webmaster",
        "author", "authors", "posted", "share", "facebook", "twitter", "email", "print", "menu", "home", "news", "read more", "more",
    };

    private static readonly HashSet<string> s_roleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Fellow", "Senior", "Junior", "Director", "Editor", "Analyst", "Researcher", "Research", "Correspondent", "Associate", "Head", "Chair",
        "Programme", "Program", "Institute", "Center", "Centre", "University", "Manager", "Coordinator", "Lecturer", "Reporter", "Writer",
        "Contributor", "Columnist", "Security", "International", "Studies", "Department", "Team", "Desk", "Staff", "Deputy", "Chief", "Officer",
        "Visiting", "Nonresident", "Non-resident", "Adjunct", "Emeritus", "Assistant", "Professor", "Minute", "Read", "Updated", "Published",
        "Share", "Follow", "Subscribe", "View", "Profile", "More", "Articles", "Posts", "Commentary", "Analysis", "Opinion", "News",
    };

    /// <summary>Returns the clean person names found in <paramref name="raw"/> (possibly none).</summary>
    public static IReadOnlyList<string> Clean(string? raw)
    {
        var text = MarkupText.Strip(raw);
        if (text.Length == 0 || text.Length > 300)
        {
            return [];
        }

        text = Email().Replace(text, " ").Trim();
        if (text.StartsWith('(') && text.EndsWith(')') && text.IndexOf(')', StringComparison.Ordinal) == text.Length - 1)
        {
            text = text[1..^1];
        }

        text = Handle().Replace(text, " ");
        text = Parenthetical().Replace(text, " ");
        text = Lead().Replace(text, string.Empty);
        text = text.Replace('\u00A0', ' ');
        var names = new List<string>();
        foreach (var part in Separator().Split(text))
        {
            if (CleanOne(part) is { } name && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Cleans several raw strings and merges the names, first occurrence first.</summary>
    public static IReadOnlyList<string> CleanAll(IEnumerable<string?> raws)
    {
        ArgumentNullException.ThrowIfNull(raws);
        var names = new List<string>();
        foreach (var name in raws.SelectMany(Clean))
        {
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Whether <paramref name="candidate"/> looks like a person's (or an organisation author's) name.</summary>
    public static bool LooksLikeName(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var words = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 1 or > 6 || candidate.Length > 60 || s_notNames.Contains(candidate) || words.Any(s_roleWords.Contains))
        {
            return false;
        }

        var capitalised = 0;
        foreach (var word in words)
        {
            if (word.Any(char.IsDigit) || word.Contains('/', StringComparison.Ordinal) || word.Contains(':', StringComparison.Ordinal))
            {
                return false;
            }

            var first = word.TrimStart(s_quotes);
            if (first.Length == 0)
            {
                return false; // only quote marks
            }

            if (char.IsUpper(first[0]))
            {
                capitalised++;
            }
            else if (!s_particles.Contains(word) && !(word.Length > 1 && char.IsUpper(word[^1])))
            {
                return false;
            }
        }

        return capitalised >= 1 && (words.Length > 1 || capitalised == 1);
    }

    private static string? CleanOne(string part)
    {
        // A stray quote mark or dash between the words of a byline ("Jane ' Doe") is not part of the name.
        var words = part.Trim(' ', '.', ',', ';', ':', '-', '–', '—', '|', '·', '•', '*')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetterOrDigit))
            .ToList();
        while (words.Count > 0 && s_honorifics.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        while (words.Count > 0 && s_suffixes.Contains(words[^1].TrimEnd(',')))
        {
            words.RemoveAt(words.Count - 1);
        }

        if (words.Count == 0)
        {
            return null;
        }

        var name = string.Join(' ', words).Trim(' ', ',', '.', ';');
        if (name.Length > 1 && name[^1] == '.' && !char.IsUpper(name[^2]))
        {
            name = name[..^1];
        }

        if (name.All(c => !char.IsLetter(c) || char.IsUpper(c)) && name.Count(char.IsLetter) > 3)
        {
            name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());
        }

        return LooksLikeName(name) ? name : null;
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\(?@\w{1,30}\)?", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();

    [GeneratedRegex(@"\([^)]{0,80}\)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"^\s*(?:(?:written|posted|reported|words|text|analysis|commentary|interview)\s+)?(?:by|from|authors?|written by)\s*[:\-–—]?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Lead();

    [GeneratedRegex(@"\s*(?:,|;|\||\s&\s|\s+and\s+|\s+und\s+|\s+et\s+|\s+и\s+)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
