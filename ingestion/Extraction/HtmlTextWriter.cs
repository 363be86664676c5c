using System.Text;
using AngleSharp.Dom;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>Writes the text of content elements as paragraphs: one per block element or line break.</summary>
internal static class HtmlTextWriter
{
    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "table", "tr", "figure", "address", "center", "details", "summary", "hr", "br",
    };

    public static List<string> Paragraphs(IEnumerable<IElement> roots)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var root in roots)
        {
            Walk(root, current, paragraphs);
            Flush(current, paragraphs);
        }

        return paragraphs;
    }

    private static void Walk(INode node, StringBuilder current, List<string> paragraphs)
    {
        switch (node)
        {
            case IText text:
                current.Append(text.Data);
                return;
            case IElement element:
                var block = s_blocks.Contains(element.LocalName);
                if (block)
                {
                    Flush(current, paragraphs);
                }

                if (element.LocalName is "td" or "th")
                {
                    current.Append(' ');
                }

                foreach (var child in element.ChildNodes)
                {
                    Walk(child, current, paragraphs);
                }

                if (block)
                {
                    Flush(current, paragraphs);
                }

                return;
        }
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        if (current.Length == 0)
        {
            return;
        }

        var text = MarkupText.CollapseSpaces(current.ToString());
        current.Clear();
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }
    }
}
