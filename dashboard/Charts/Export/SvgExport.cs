using System.Globalization;
using System.Security;
using System.Text;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Figure;

namespace StanceBoard.Dashboard.Charts.Export;

/// <summary>
/// The SVG of a figure, made the way ScottPlot's <c>Plot.GetSvgXml</c> makes its SVG (SkiaSharp's
/// SVG canvas), at the physical size in CSS px, with a <c>viewBox</c> so it scales, and the
/// chart's title as the document's accessible name. Texts stay SVG text, escaped by the canvas.
/// </summary>
internal static partial class SvgExport
{
    public static (string Svg, FigureCanvas Drawn) Render(ChartFigure figure)
    {
        var width = (float)figure.Size.LayoutWidth;
        var height = (float)figure.Size.LayoutHeight;
        using var stream = new MemoryStream();
        FigureCanvas drawn;
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            drawn = FigureRenderer.Render(figure, canvas);
        }

        var svg = Encoding.UTF8.GetString(stream.ToArray());
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var close = open < 0 ? -1 : svg.IndexOf('>', open);
        if (close < 0)
        {
            throw new ChartExportException("SkiaSharp wrote no SVG element.");
        }

        var attributes = string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {width:0.##} {height:0.##}\" role=\"img\" aria-label=\"{SecurityElement.Escape(Text.ChartText.Clean(figure.Title))}\"");
        var title = "<title>" + SecurityElement.Escape(Text.ChartText.Clean(figure.Title)) + "</title>";
        svg = svg[..close] + attributes + ">" + title + svg[(close + 1)..];

        // Skia numbers clip paths from a process-wide counter. Number them per document, under a prefix
        // from the document's own content: the same chart gives the same SVG (ETags, push dedupe), and
        // two charts inlined in one page never share an id (a clip resolving to another chart's rectangle).
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var numbered = ClipId().Replace(svg, m =>
        {
            if (!ids.TryGetValue(m.Value, out var id))
            {
                id = "clip" + ids.Count.ToString(CultureInfo.InvariantCulture);
                ids[m.Value] = id;
            }

            return id;
        });
        var prefix = "sb" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(numbered)).AsSpan(0, 4)) + "-";
        svg = ClipId().Replace(svg, m => prefix + ids[m.Value]);
        return (svg, drawn);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bcl_[0-9a-fA-F]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipId();
}
