using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// Finds authors written into the page rather than its metadata: byline elements, "By …"
/// lines, "WRITTEN BY" / "About the author" blocks, and bio sentences such as
/// "Jane Doe (@jdoe) is a non-resident fellow at …".
/// </summary>
internal static partial class HtmlBylines
{
    private const int MaxBylineChars = 160;

    public static IReadOnlyList<string> FromBylineElements(IDocument document)
    {
        var candidates = document.QuerySelectorAll("[itemprop='author'], [rel~='author'], [class*='byline'], [class*='author'], [id*='byline'], [id*='author'], [class*='contributor'], [class*='writer'], a[href*='/author/'], a[href*='/authors/'], a[href*='/experts/'], a[href*='/people/']")
            .Where(e => !HtmlBoilerplate.IsInFurniture(e) && !IsBio(e));
        foreach (var element in candidates)
        {
            var text = MarkupText.CollapseSpaces(element.TextContent);
            if (text.Length is 0 or > MaxBylineChars)
            {
                continue;
            }

            var names = element.LocalName == "a"
                ? PersonNames.Clean(text)
                : element.QuerySelector("[itemprop='name']") is { } name
                ? PersonNames.Clean(name.GetAttribute("content") ?? name.TextContent)
                : AuthorLinks(element) is { Count: > 0 } links
                    ? links
                    : FromLeaves(element);
            if (names.Count > 0)
            {
                return names;
            }
        }

        return [];
    }

    public static IReadOnlyList<string> FromByLines(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("p, div, span, strong, em, address, h4, h5, h6, li"))
        {
            if (element.Children.Length > 4 || HtmlBoilerplate.IsInFurniture(element))
            {
                continue;
            }

            var text = MarkupText.CollapseSpaces(element.TextContent);
            if (text.Length > MaxBylineChars || !ByPrefix().IsMatch(text))
            {
                continue;
            }

            var names = AuthorLinks(element) is { Count: > 0 } links ? links : PersonNames.Clean(StripLabels(text));
            if (names.Count > 0)
            {
                return names;
            }
        }

        return [];
    }

    public static IReadOnlyList<string> FromWrittenByBlocks(IDocument document)
    {
        foreach (var label in document.QuerySelectorAll("h2, h3, h4, h5, h6, p, div, span, strong, b, dt"))
        {
            var own = MarkupText.CollapseSpaces(label.TextContent);
            if (!WrittenByLabel().IsMatch(own))
            {
                continue;
            }

            // The name follows the label: in the next elements of the same block.
            for (var next = NextElement(label); next is not null; next = NextElement(next))
            {
                var text = MarkupText.CollapseSpaces(next.TextContent);
                if (text.Length == 0)
                {
                    continue;
                }

                if (text.Length <= 100)
                {
                    var names = PersonNames.Clean(text);
                    if (names.Count > 0)
                    {
                        return names;
                    }
                }

                if (BioSentence().Match(text) is { Success: true } bio)
                {
                    return PersonNames.Clean(bio.Groups["name"].Value);
                }

                break;
            }
        }

        return [];
    }

    /// <summary>Names found in bio sentences in bio boxes or in the given trailing paragraphs.</summary>
    public static IReadOnlyList<string> FromBioSentences(IDocument document, IEnumerable<string> trailingParagraphs)
    {
        var texts = document.QuerySelectorAll("[class*='bio'], [class*='about-author'], [class*='author-info'], [class*='author-box'], [class*='author-description']")
            .Select(e => MarkupText.CollapseSpaces(e.TextContent))
            .Concat(trailingParagraphs);
        var names = new List<string>();
        foreach (var text in texts)
        {
            foreach (Match match in BioSentence().Matches(text))
            {
                names.AddRange(PersonNames.Clean(match.Groups["name"].Value).Where(n => !names.Contains(n, StringComparer.OrdinalIgnoreCase)));
            }
        }

        return names;
    }

    private static IReadOnlyList<string> FromLeaves(IElement element)
    {
        // "WRITTEN BY / JANE DOE / Senior Fellow": each leaf on its own, so labels and roles do not glue onto names.
        var leaves = element.QuerySelectorAll("*").Where(e => e.ChildElementCount == 0).Select(e => MarkupText.CollapseSpaces(e.TextContent)).Where(t => t.Length > 0).ToList();
        if (leaves.Count <= 1)
        {
            return PersonNames.Clean(StripLabels(MarkupText.CollapseSpaces(element.TextContent)));
        }

        return PersonNames.CleanAll(leaves.Where(t => !WrittenByLabel().IsMatch(t)).Select(StripLabels));
    }

    private static bool IsBio(IElement element) =>
        MarkupText.CollapseSpaces(element.TextContent).Length > MaxBylineChars || Regex.IsMatch($"{element.ClassName} {element.Id}", "bio|description|about", RegexOptions.IgnoreCase);

    private static List<string> AuthorLinks(IElement element) =>
        [.. element.QuerySelectorAll("a[rel~='author'], a[href*='/author/'], a[href*='/authors/'], a[href*='/experts/'], a[href*='/expert/'], a[href*='/people/'], a[href*='/staff/'], a[href*='/contributors/'], a[href*='/profile/'], a[href*='/team/']")
            .SelectMany(a => PersonNames.Clean(a.TextContent))
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string StripLabels(string text)
    {
        var s = ByPrefix().Replace(text, string.Empty);

        // "Jane Doe | October 5, 2020" or "Jane Doe, Senior Fellow": keep what precedes the first separator that introduces a non-name.
        s = DateTail().Replace(s, string.Empty);
        return s;
    }

    private static IElement? NextElement(IElement element)
    {
        if (element.NextElementSibling is { } sibling)
        {
            return sibling;
        }

        // The label may be wrapped (<div><h4>WRITTEN BY</h4></div><div>Name</div>).
        var parent = element.ParentElement;
        return parent?.Children.Length == 1 ? parent.NextElementSibling : null;
    }

    [GeneratedRegex(@"^\s*(?:(?:written|posted|reported|words|text|analysis|commentary)\s+)?by\s*[:\-–—]?\s+(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\s*(?:[|·•,–—-]\s*)?(?:(?:published|posted|updated|on)\s+)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}).*$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTail();

    [GeneratedRegex(@"^(written by|authors?|about the authors?|contributors?|the authors?|author\(s\)|by)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrittenByLabel();

    [GeneratedRegex(@"(?:^|(?<=[.!?]\s))(?<name>(?:(?:Dr|Prof|Professor|Ambassador|Mr|Ms|Mrs)\.?\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+(?:de|van|von|bin|al|el|da|di|du|la|le)?\s*\p{Lu}[\p{L}'’.-]+){1,3})(?:\s*\(@\w{1,30}\))?,?\s+(?:is|was|serves as|works as)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,5}?(?:fellow|analyst|researcher|research|professor|director|editor|journalist|correspondent|scholar|associate|lecturer|expert|head|chair|founder|co-founder|consultant|specialist|adviser|advisor|author|writer|student|candidate|member|president|officer|manager|coordinator|reporter|economist|historian|diplomat|commentator|columnist|contributor|scientist|partner|ambassador)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BioSentence();
}
