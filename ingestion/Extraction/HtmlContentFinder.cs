using AngleSharp.Dom;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// Finds the element holding the article text by content scoring, after Readability: each
/// paragraph scores by length and commas and passes its score to its parent and, diminishing,
/// to further ancestors; containers are weighted by tag and class name and discounted by link
/// density. The best container is returned with the siblings that look like more of the same.
/// </summary>
internal static class HtmlContentFinder
{
    private const int MinParagraphChars = 25;

    private static readonly HashSet<string> s_blockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "pre", "table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "li",
    };

    public static IReadOnlyList<IElement> Find(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var paragraph in Paragraphs(body))
        {
            var text = paragraph.TextContent;
            var length = MarkupText.CollapseSpaces(text).Length;
            if (length < MinParagraphChars)
            {
                continue;
            }

            var score = 1.0 + text.Count(c => c is ',' or '，' or '、') + Math.Min(length / 100, 3);
            var ancestor = paragraph.ParentElement;
            for (var level = 0; ancestor is not null && level < 4; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor))
                {
                    scores[ancestor] = InitialScore(ancestor);
                }

                scores[ancestor] += level switch { 0 => score, 1 => score / 2, _ => score / (level * 3) };
            }
        }

        if (scores.Count == 0)
        {
            return [body];
        }

        var ranked = scores.Select(kv => (Element: kv.Key, Score: kv.Value * (1 - HtmlCleaner.LinkDensity(kv.Key)))).OrderByDescending(x => x.Score).ToList();
        var (top, topScore) = ranked[0];
        if (top.LocalName is "tr" or "tbody" or "table" or "thead")
        {
            // A layout table: the article is the cell with the most prose, not the row with the menu beside it.
            top = top.QuerySelectorAll("td").OrderByDescending(td => td.TextContent.Length - LinkedLength(td)).FirstOrDefault() ?? top;
            return [top];
        }

        top = PreferArticleAncestor(top, topScore, ranked);
        return WithSiblings(top, topScore, ranked.ToDictionary(x => x.Element, x => x.Score));
    }

    private static int LinkedLength(IElement element) => element.QuerySelectorAll("a").Sum(a => a.TextContent.Length);

    private static IEnumerable<IElement> Paragraphs(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("p, pre, td, blockquote, div, section, li"))
        {
            if (element.LocalName is "div" or "section" or "li")
            {
                // A div without block children is a paragraph written the lazy way.
                if (element.Children.Any(c => s_blockTags.Contains(c.LocalName)))
                {
                    continue;
                }
            }

            yield return element;
        }
    }

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "div" or "section" => 5,
            "article" or "main" => 10,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (element.GetAttribute("itemprop") is "articleBody" or "text")
        {
            score += 25;
        }

        return score + HtmlBoilerplate.ClassWeight(element);
    }

    private static IElement PreferArticleAncestor(IElement top, double topScore, List<(IElement Element, double Score)> ranked)
    {
        // When the text is split over several sibling blocks (an ad or quote between them), their
        // common parent scores almost as well as the best block: take the parent then.
        var parent = top.ParentElement;
        if (parent is null || parent.LocalName == "body")
        {
            return top;
        }

        var parentScore = ranked.FirstOrDefault(x => x.Element == parent).Score;
        var strongSiblings = ranked.Count(x => x.Element.ParentElement == parent && x.Score >= topScore * 0.3);
        return parentScore >= topScore * 0.75 && strongSiblings >= 2 ? parent : top;
    }

    private static List<IElement> WithSiblings(IElement top, double topScore, Dictionary<IElement, double> scores)
    {
        var parent = top.ParentElement;
        if (parent is null)
        {
            return [top];
        }

        var threshold = Math.Max(10, topScore * 0.2);
        var result = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top)
            {
                result.Add(sibling);
                continue;
            }

            if (scores.TryGetValue(sibling, out var score) && score >= threshold)
            {
                result.Add(sibling);
                continue;
            }

            if (sibling.LocalName is "p" or "blockquote" or "h2" or "h3" or "h4" or "ul" or "ol")
            {
                var text = MarkupText.CollapseSpaces(sibling.TextContent);
                var density = HtmlCleaner.LinkDensity(sibling);
                var headingNextToText = sibling.LocalName is "h2" or "h3" or "h4" && text.Length is > 0 and < 150;
                if ((text.Length > 80 && density < 0.25) || (text.Length > 0 && density == 0 && text.TrimEnd().EndsWith('.')) || headingNextToText)
                {
                    result.Add(sibling);
                }
            }
        }

        return result;
    }
}
