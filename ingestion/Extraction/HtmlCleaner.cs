using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// Removes page furniture from a parsed document before the main text is looked for: tags and
/// roles that never hold article text, hidden elements, elements whose class/id marks them as
/// furniture (unless they hold most of the page's prose), "See also"/"Related" sections, and
/// link lists.
/// </summary>
internal static partial class HtmlCleaner
{
    public static void Clean(IDocument document)
    {
        foreach (var node in document.QuerySelectorAll(HtmlBoilerplate.DropSelector).ToList())
        {
            node.Remove();
        }

        foreach (var node in document.QuerySelectorAll("[style]").Where(e => HiddenStyle().IsMatch(e.GetAttribute("style") ?? string.Empty)).ToList())
        {
            node.Remove();
        }

        var body = document.Body;
        if (body is null)
        {
            return;
        }

        var total = ProseLength(body);
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is null || element.LocalName is "article" or "main" or "body"
                || (element.LocalName == "p" && element.TextContent.Length > 200))
            {
                continue;
            }

            if (HtmlBoilerplate.IsNegative(element) && (!HtmlBoilerplate.IsPositive(element) || IsCompoundNegative(element)) && !HoldsMostProse(element, total))
            {
                element.Remove();
            }
        }

        RemoveRelatedSections(body);
        RemoveLinkLists(body);
    }

    /// <summary>Total length of paragraph-like text under <paramref name="root"/>.</summary>
    public static int ProseLength(IElement root) =>
        root.QuerySelectorAll("p, pre, blockquote").Sum(p => p.TextContent.Length);

    public static double LinkDensity(IElement element)
    {
        var length = element.TextContent.Length;
        if (length == 0)
        {
            return 0;
        }

        var linked = element.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return Math.Min(1.0, (double)linked / length);
    }

    private static bool IsCompoundNegative(IElement element)
    {
        var raw = $"{element.ClassName} {element.Id}".ToLowerInvariant();
        return RelatedName().IsMatch(raw);
    }

    private static bool HoldsMostProse(IElement element, int total)
    {
        if (total == 0 || element.QuerySelector("p") is null)
        {
            return false;
        }

        return ProseLength(element) * 2 > total;
    }

    private static void RemoveRelatedSections(IElement body)
    {
        foreach (var heading in body.QuerySelectorAll("h2, h3, h4, h5, h6, p, strong, b, span, div").ToList())
        {
            if (heading.Parent is null || heading.TextContent.Length > 60 || !RelatedHeading().IsMatch(MarkupText.CollapseSpaces(heading.TextContent)))
            {
                continue;
            }

            if (heading.LocalName is "strong" or "b" or "span")
            {
                // "<p><strong>Read more:</strong> <a>…</a></p>": the whole paragraph is a pointer.
                if (heading.ParentElement is { LocalName: "p" or "div" or "li" } parent && LinkDensity(parent) > 0.3)
                {
                    parent.Remove();
                }

                continue;
            }

            if (heading.LocalName is "p" or "div" && heading.Children.Any(c => c.LocalName is not ("strong" or "b" or "em" or "span" or "a")))
            {
                continue;
            }

            // The heading of a block: drop it and the link lists or cards after it, up to the next heading.
            var container = heading.ParentElement;
            if (container is not null && container.LocalName is not ("body" or "article" or "main") && container.FirstElementChild == heading && LinkDensity(container) > 0.4)
            {
                container.Remove();
                continue;
            }

            var next = heading.NextElementSibling;
            heading.Remove();
            while (next is not null && next.LocalName is not ("h2" or "h3" or "h4" or "h5" or "h6") && (next.LocalName is "ul" or "ol" || LinkDensity(next) > 0.4))
            {
                var after = next.NextElementSibling;
                next.Remove();
                next = after;
            }
        }
    }

    private static void RemoveLinkLists(IElement body)
    {
        foreach (var list in body.QuerySelectorAll("ul, ol").ToList())
        {
            if (list.Parent is not null && LinkDensity(list) > 0.6)
            {
                list.Remove();
            }
        }
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"related|see-?also|read-?(more|next|also)|more-(from|stories|on)|recommend|share|social|cookie|consent|newsletter|promo|advert|sponsor|outbrain|taboola|comment", RegexOptions.CultureInvariant)]
    private static partial Regex RelatedName();

    [GeneratedRegex(@"^(see also|related( articles| posts| content| stories| reading| analysis| coverage| research| publications)?|read (more|next|also)|also read|more (from|on|in|stories|like this|analysis|by)\b.*|recommended( for you| reading)?|you (may|might) also (like|be interested in)|further reading|popular|most (read|popular|viewed)|trending( now)?|latest( news| analysis)?|up next|keep reading|related topics|tags|topics|share( this( article| post| story)?)?|follow us|in this series|explore more)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelatedHeading();
}
