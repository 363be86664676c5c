using System.Text.RegularExpressions;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// Finds authors in text as pages print them: a "WRITTEN BY" block, a "By …" byline near the
/// top, or a trailing bio sentence ("X (@handle) is a non-resident fellow at …").
/// </summary>
public static partial class AuthorHeuristics
{
    /// <summary>
    /// Looks for a "Written by" heading followed by name lines (or "Written by X" on one line).
    /// Returns the names and the index of the heading line, or an empty list and −1.
    /// </summary>
    public static (IReadOnlyList<string> Authors, int HeadingLine) FindWrittenByBlock(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            var inline = WrittenByInline().Match(line);
            if (inline.Success)
            {
                var names = PersonNames.Clean(inline.Groups["names"].Value);
                if (names.Count > 0)
                {
                    return (names, i);
                }
            }

            if (!WrittenByHeading().IsMatch(line))
            {
                continue;
            }

            var found = new List<string>();
            for (var j = i + 1; j < lines.Count && found.Count < 8; j++)
            {
                var candidate = lines[j].Trim();
                if (candidate.Length == 0)
                {
                    continue;
                }

                var names = PersonNames.Clean(candidate);
                if (names.Count == 0)
                {
                    break; // the first non-name line (a job title, "View profile") ends the block
                }

                found.AddRange(names);
            }

            if (found.Count > 0)
            {
                return (found, i);
            }
        }

        return ([], -1);
    }

    /// <summary>Reads a "By A and B" byline; <see langword="null"/> when the line is not one.</summary>
    public static IReadOnlyList<string>? ParseByline(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = Byline().Match(line.Trim());
        if (!match.Success)
        {
            return null;
        }

        var names = PersonNames.Clean(match.Groups["names"].Value);
        return names.Count > 0 ? names : null;
    }

    /// <summary>
    /// Reads an author bio sentence such as "Jane Roe (@jroe) is a senior fellow at …" or
    /// "A and B are analysts at …"; <see langword="null"/> when the paragraph is not one.
    /// </summary>
    public static IReadOnlyList<string>? ParseBio(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var match = Bio().Match(paragraph.Trim());
        if (!match.Success)
        {
            return null;
        }

        var names = PersonNames.Clean(match.Groups["names"].Value);
        return names.Count > 0 ? names : null;
    }

    [GeneratedRegex(@"^(written by|words by|authors?|about the authors?)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenByHeading();

    [GeneratedRegex(@"^(written by|words by|authors?:)\s+(?<names>.{3,160})$", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenByInline();

    [GeneratedRegex(@"^by\s+(?<names>[^!?]{3,160}?)\s*(\||,\s*\d|—|–|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(?<names>(?:Dr\.?\s+|Prof\.?\s+)?\p{Lu}[\p{L}\p{M}.'’\-]*(?:\s+[\p{L}\p{M}.'’\-]+){1,4}(?:\s*\(@\w{1,30}\))?(?:\s*(?:,|and|&)\s*(?:Dr\.?\s+|Prof\.?\s+)?\p{Lu}[\p{L}\p{M}.'’\-]*(?:\s+[\p{L}\p{M}.'’\-]+){1,4}(?:\s*\(@\w{1,30}\))?)*)\s+(?:is|are|was|serves as|has been|teaches)\b[^.]{0,200}?\b(fellow|analyst|professor|lecturer|director|researcher|editor|journalist|correspondent|associate|scholar|expert|head|founder|chair|candidate|student|author|adviser|advisor|consultant|specialist|diplomat|ambassador|officer|writer|reporter|columnist|contributor|manager|coordinator|historian|economist|academic)s?\b")]
    private static partial Regex Bio();
}
