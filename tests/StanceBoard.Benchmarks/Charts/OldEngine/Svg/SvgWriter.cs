using System.Text;

namespace StanceBoard.Benchmarks.OldEngine.Svg;

/// <summary>Appends SVG elements to a buffer; every text and attribute value is escaped.</summary>
internal sealed class SvgWriter
{
    public const string FontFamily = "DejaVu Sans, Verdana, sans-serif";

    private readonly StringBuilder _sb = new(16 * 1024);

    public StringBuilder Buffer => _sb;

    public void Open(double width, double height, string title, string description)
    {
        _sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
        SvgNumber.Append(_sb, width);
        _sb.Append("\" height=\"");
        SvgNumber.Append(_sb, height);
        _sb.Append("\" viewBox=\"0 0 ");
        SvgNumber.Append(_sb, width);
        _sb.Append(' ');
        SvgNumber.Append(_sb, height);
        _sb.Append("\" font-family=\"").Append(FontFamily).Append("\" role=\"img\">\n");
        _sb.Append("<title>");
        SvgEscape.Append(_sb, title);
        _sb.Append("</title>\n<desc>");
        SvgEscape.Append(_sb, description);
        _sb.Append("</desc>\n");
    }

    public void Close() => _sb.Append("</svg>\n");

    public void Raw(string markup) => _sb.Append(markup);

    public void BeginGroup(string? cssClass = null)
    {
        _sb.Append("<g");
        if (cssClass is not null)
        {
            Attribute("class", cssClass);
        }

        _sb.Append(">\n");
    }

    /// <summary>
    /// Opens a group carrying <c>data-*</c> attributes that say what it shows (an author, a
    /// target), so the dashboard can link from a mark to its page; exported files keep them as inert metadata.
    /// </summary>
    public void BeginDataGroup(string cssClass, params (string Name, string Value)[] data)
    {
        _sb.Append("<g");
        Attribute("class", cssClass);
        foreach (var (name, value) in data)
        {
            Attribute("data-" + name, value);
        }

        _sb.Append(">\n");
    }

    public void EndGroup() => _sb.Append("</g>\n");

    public void Rect(Rect r, string fill, string? stroke = null, double strokeWidth = 0, double opacity = 1)
    {
        _sb.Append("<rect");
        Number("x", r.X);
        Number("y", r.Y);
        Number("width", Math.Max(0, r.Width));
        Number("height", Math.Max(0, r.Height));
        Attribute("fill", fill);
        if (stroke is not null)
        {
            Attribute("stroke", stroke);
            Number("stroke-width", strokeWidth);
        }

        if (opacity < 1)
        {
            Number("fill-opacity", opacity);
        }

        _sb.Append("/>\n");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width, string? dash = null)
    {
        _sb.Append("<line");
        Number("x1", x1);
        Number("y1", y1);
        Number("x2", x2);
        Number("y2", y2);
        Attribute("stroke", stroke);
        Number("stroke-width", width);
        if (!string.IsNullOrEmpty(dash))
        {
            Attribute("stroke-dasharray", dash);
        }

        _sb.Append("/>\n");
    }

    public void Circle(double cx, double cy, double r, string fill, string? stroke = null, double strokeWidth = 0)
    {
        _sb.Append("<circle");
        Number("cx", cx);
        Number("cy", cy);
        Number("r", r);
        Attribute("fill", fill);
        if (stroke is not null)
        {
            Attribute("stroke", stroke);
            Number("stroke-width", strokeWidth);
        }

        _sb.Append("/>\n");
    }

    /// <summary>Starts a path element; write its data with <see cref="MoveTo"/>/<see cref="LineTo"/>, then <see cref="EndPath"/>.</summary>
    public void BeginPath() => _sb.Append("<path d=\"");

    public void MoveTo(double x, double y)
    {
        _sb.Append('M');
        SvgNumber.Append(_sb, x);
        _sb.Append(' ');
        SvgNumber.Append(_sb, y);
    }

    public void LineTo(double x, double y)
    {
        _sb.Append('L');
        SvgNumber.Append(_sb, x);
        _sb.Append(' ');
        SvgNumber.Append(_sb, y);
    }

    public void ClosePath() => _sb.Append('Z');

    public void EndPath(string fill, string? stroke = null, double strokeWidth = 0, string? dash = null, double fillOpacity = 1, bool roundJoins = false, bool crisp = false)
    {
        _sb.Append('"');
        if (crisp)
        {
            _sb.Append(" shape-rendering=\"crispEdges\"");
        }

        Attribute("fill", fill);
        if (fillOpacity < 1)
        {
            Number("fill-opacity", fillOpacity);
        }

        if (stroke is not null)
        {
            Attribute("stroke", stroke);
            Number("stroke-width", strokeWidth);
            if (roundJoins)
            {
                _sb.Append(" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
            }

            if (!string.IsNullOrEmpty(dash))
            {
                Attribute("stroke-dasharray", dash);
            }
        }

        _sb.Append("/>\n");
    }

    /// <summary>A text run at baseline <paramref name="y"/>; <paramref name="tooltip"/> becomes its &lt;title&gt;.</summary>
    public void Text(double x, double y, string text, TextStyle style, string? tooltip = null, double rotate = 0)
    {
        _sb.Append("<text");
        Number("x", x);
        Number("y", y);
        Number("font-size", style.Size);
        if (style.Fill != "#000")
        {
            Attribute("fill", style.Fill);
        }

        if (style.Bold)
        {
            _sb.Append(" font-weight=\"bold\"");
        }

        if (style.Italic)
        {
            _sb.Append(" font-style=\"italic\"");
        }

        switch (style.Anchor)
        {
            case TextAnchor.Middle:
                _sb.Append(" text-anchor=\"middle\"");
                break;
            case TextAnchor.End:
                _sb.Append(" text-anchor=\"end\"");
                break;
            default:
                break;
        }

        if (rotate != 0)
        {
            _sb.Append(" transform=\"rotate(");
            SvgNumber.Append(_sb, rotate);
            _sb.Append(' ');
            SvgNumber.Append(_sb, x);
            _sb.Append(' ');
            SvgNumber.Append(_sb, y);
            _sb.Append(")\"");
        }

        _sb.Append('>');
        if (tooltip is not null)
        {
            _sb.Append("<title>");
            SvgEscape.Append(_sb, tooltip);
            _sb.Append("</title>");
        }

        SvgEscape.Append(_sb, text);
        _sb.Append("</text>\n");
    }

    public override string ToString() => _sb.ToString();

    private void Number(string name, double value)
    {
        _sb.Append(' ').Append(name).Append("=\"");
        SvgNumber.Append(_sb, value);
        _sb.Append('"');
    }

    private void Attribute(string name, string value)
    {
        _sb.Append(' ').Append(name).Append("=\"");
        SvgEscape.Append(_sb, value);
        _sb.Append('"');
    }
}
