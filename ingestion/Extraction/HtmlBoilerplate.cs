using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// The vocabulary that marks page furniture: tags and roles that never hold article text, and
/// class/id tokens of navigation, cookie banners, share bars, related-content blocks, bios and
/// bylines; plus the positive tokens of article containers.
/// </summary>
internal static partial class HtmlBoilerplate
{
    public static readonly string DropSelector = string.Join(", ",
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "form", "button", "input", "select", "textarea",
        "nav", "footer", "aside", "dialog", "header", "figcaption", "picture", "video", "audio", "map", "menu", "amp-ad", "amp-analytics",
        "amp-sidebar", "amp-consent", "amp-social-share", "amp-iframe", "[hidden]", "[aria-hidden='true']",
        "[role='navigation']", "[role='banner']", "[role='contentinfo']", "[role='complementary']", "[role='dialog']", "[role='alertdialog']",
        "[role='search']", "[role='menu']", "[role='menubar']", "[role='toolbar']", "[role='tooltip']");

    private static readonly HashSet<string> s_negative = new(StringComparer.OrdinalIgnoreCase)
    {
        "cookie", "cookies", "consent", "gdpr", "cmp", "newsletter", "subscribe", "subscription", "signup", "paywall", "related", "recirc", "recirculation",
        "share", "sharing", "sharer", "social", "socials", "comment", "comments", "disqus", "respond", "sidebar", "widget", "widgets", "promo", "promotion",
        "ad", "ads", "advert", "advertisement", "adslot", "sponsor", "sponsored", "outbrain", "taboola", "trending", "popular", "mostread", "recommended",
        "recommendations", "breadcrumb", "breadcrumbs", "pagination", "pager", "nav", "navbar", "navigation", "menu", "footer", "masthead", "toolbar", "tags",
        "tag", "taglist", "topics", "byline", "bylines", "author", "authors", "bio", "biography", "meta", "metadata", "print", "modal", "popup",
        "banner", "caption", "credit", "credits", "skip", "seealso", "readmore", "readnext", "more", "next", "prev", "previous", "jump", "toc",
        "donate", "donation", "alert", "announcement", "hidden", "visually", "sr", "screen", "dateline", "timestamp", "date", "categories", "category",
        "rating", "reactions", "feedback", "login", "register", "search", "overlay", "lightbox", "gallery", "carousel", "slider", "subnav", "utility",
        "contributor", "contributors", "profile", "about", "series", "podcast", "video", "newsletters", "follow", "team", "partners", "embed",
    };

    private static readonly HashSet<string> s_positive = new(StringComparer.OrdinalIgnoreCase)
    {
        "article", "body", "content", "entry", "hentry", "main", "post", "text", "blog", "story", "prose", "richtext", "rte", "copy", "field",
        "paragraph", "paragraphs", "single", "detail", "details",
    };

    private static readonly string[] s_compoundNegative =
    [
        "see-also", "see_also", "read-more", "read-next", "more-from", "more-stories", "also-read", "you-may", "most-read", "most-popular",
        "related-", "-related", "share-", "-share", "social-", "cookie", "consent", "newsletter", "author-bio", "about-author", "about-the-author",
        "sign-up", "signup", "-promo", "promo-", "ad-slot", "ad-container", "advert", "-ads", "ads-", "sticky", "top-bar", "topbar", "site-header", "site-footer",
    ];

    private static readonly char[] s_separators = [' ', '-', '_', '\t', '\n', ':', '.'];

    /// <summary>Class and id tokens of <paramref name="element"/>, lower-case.</summary>
    public static string[] Tokens(IElement element)
    {
        var attr = $"{element.ClassName} {element.Id}";
        return attr.Trim().Length == 0 ? [] : attr.ToLowerInvariant().Split(s_separators, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Whether the element's class or id says it is furniture (not article text).</summary>
    public static bool IsNegative(IElement element)
    {
        var tokens = Tokens(element);
        if (tokens.Length == 0)
        {
            return false;
        }

        var raw = $"{element.ClassName} {element.Id}".ToLowerInvariant();
        return tokens.Any(s_negative.Contains) || s_compoundNegative.Any(c => raw.Contains(c, StringComparison.Ordinal));
    }

    /// <summary>Whether the element's class or id says it holds article text.</summary>
    public static bool IsPositive(IElement element) => Tokens(element).Any(s_positive.Contains);

    /// <summary>A class weight in the manner of Readability: +25 for article-like names, −25 for furniture.</summary>
    public static int ClassWeight(IElement element)
    {
        var weight = 0;
        if (IsPositive(element))
        {
            weight += 25;
        }

        if (IsNegative(element))
        {
            weight -= 25;
        }

        return weight;
    }

    /// <summary>Whether the element or an ancestor is navigation, a sidebar, comments or related content.</summary>
    public static bool IsInFurniture(IElement element)
    {
        for (var e = element.ParentElement; e is not null && e.LocalName != "body"; e = e.ParentElement)
        {
            if (e.LocalName is "nav" or "aside" or "footer")
            {
                return true;
            }

            if (FurnitureName().IsMatch($"{e.ClassName} {e.Id}"))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b(comments?|related|sidebar|recirc|popular|trending|most-read|read-more|read-next|more-stories|more-from|more-news|widget-area)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureName();
}
