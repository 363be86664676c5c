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

    /// <summary>Short paragraphs made mostly of links ("« Back | Print", tag lists) are navigation.</summary>
    private const int LinkListMaxChars = 120;

    public static List<string> Paragraphs(IEnumerable<IElement> roots)
    {
        var state = new State();
        foreach (var root in roots)
        {
            Walk(root, state, inLink: false);
            Flush(state);
        }

        return state.Paragraphs;
    }

    private static void Walk(INode node, State state, bool inLink)
    {
        switch (node)
        {
            case IText text:
                state.Current.Append(text.Data);
                if (inLink)
                {
                    state.Linked += text.Data.Trim().Length;
                }

                return;
            case IElement element:
                var block = s_blocks.Contains(element.LocalName);
                if (block)
                {
                    Flush(state);
                }

                if (element.LocalName is "td" or "th")
                {
                    state.Current.Append(' ');
                }

                foreach (var child in element.ChildNodes)
                {
                    Walk(child, state, inLink || element.LocalName == "a");
                }

                if (block)
                {
                    Flush(state);
                }

                return;
        }
    }

    private static void Flush(State state)
    {
        if (state.Current.Length == 0)
        {
            return;
        }

        var text = MarkupText.CollapseSpaces(state.Current.ToString());
        var linked = state.Linked;
        state.Current.Clear();
        state.Linked = 0;
        if (text.Length > 0 && !(text.Length < LinkListMaxChars && linked * 2 > text.Length))
        {
            state.Paragraphs.Add(text);
        }
    }

    private sealed class State
    {
        public List<string> Paragraphs { get; } = [];

        public StringBuilder Current { get; } = new();

        public int Linked { get; set; }
    }
}
