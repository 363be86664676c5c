using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Figure;

namespace StanceBoard.Dashboard.Charts.Export;

/// <summary>
/// The SVG of a figure, made the way ScottPlot's <c>Plot.GetSvgXml</c> makes its SVG (SkiaSharp's
/// SVG canvas), at the physical size in CSS px, with a <c>viewBox</c> so it scales, and the
/// chart's title as the document's accessible name. Texts stay SVG text, escaped by the canvas.
/// The data of dense paths (the timeline's envelopes) is written by <see cref="SvgPathData"/> into
/// the elements the canvas drew for them (see <see cref="DeferredSvgPaths"/>).
/// </summary>
internal static partial class SvgExport
{
    /// <summary>Draws <paramref name="figure"/> as SVG; <paramref name="deferDensePaths"/> false lets the canvas write every path (the benchmark's "before").</summary>
    public static (string Svg, FigureCanvas Drawn) Render(ChartFigure figure, bool deferDensePaths = true)
    {
        var deferred = new DeferredSvgPaths();
        var (svg, drawn) = Draw(figure, deferDensePaths ? deferred : null);
        if (deferDensePaths && !EachOnce(svg, deferred))
        {
            // A placeholder was not written exactly once (never seen): let the canvas write every path.
            (svg, drawn) = Draw(figure, null);
            deferred = new DeferredSvgPaths();
        }

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
        var prefix = "sb" + Convert.ToHexStringLower(ContentHash(numbered, deferred).AsSpan(0, 4)) + "-";
        var prefixed = ClipId().Replace(svg, m => prefix + ids[m.Value]);

        var open = prefixed.IndexOf("<svg", StringComparison.Ordinal);
        var close = open < 0 ? -1 : prefixed.IndexOf('>', open);
        if (close < 0)
        {
            throw new ChartExportException("SkiaSharp wrote no SVG element.");
        }

        var title = SecurityElement.Escape(Text.ChartText.Clean(figure.Title));
        var output = new StringBuilder(prefixed.Length + deferred.Paths.Sum(p => p.Data.Length) + 256);
        output.Append(prefixed, 0, close);
        output.Append(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {figure.Size.LayoutWidth:0.##} {figure.Size.LayoutHeight:0.##}\" role=\"img\" aria-label=\"{title}\">");
        output.Append("<title>").Append(title).Append("</title>");
        var at = close + 1;
        foreach (var (placeholder, data) in deferred.Paths)
        {
            // The prefix changed the lengths before it, so find the slot again (the checks above made it unique).
            var slot = prefixed.IndexOf(Quoted(placeholder), at, StringComparison.Ordinal) + 3;
            output.Append(prefixed, at, slot - at).Append(data);
            at = slot + placeholder.Length;
        }

        output.Append(prefixed, at, prefixed.Length - at);
        return (output.ToString(), drawn);
    }

    private static (string Svg, FigureCanvas Drawn) Draw(ChartFigure figure, DeferredSvgPaths? deferred)
    {
        using var stream = new MemoryStream();
        FigureCanvas drawn;
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, (float)figure.Size.LayoutWidth, (float)figure.Size.LayoutHeight), stream))
        {
            drawn = FigureRenderer.Render(figure, canvas, deferred);
        }

        return (Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length), drawn);
    }

    /// <summary>Whether each deferred path's placeholder data stands in the SVG exactly once, in drawing order.</summary>
    /// <remarks>
    /// Linear in the document: every path's data is counted in one pass (a timeline with gaps in its
    /// bins has a path per run, thousands of them; searching the whole document per path was quadratic).
    /// Text cannot hold <c> d="</c>: the canvas escapes quotes in text.
    /// </remarks>
    private static bool EachOnce(string svg, DeferredSvgPaths deferred)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        const string attribute = " d=\"";
        for (var at = svg.IndexOf(attribute, StringComparison.Ordinal); at >= 0; at = svg.IndexOf(attribute, at + attribute.Length, StringComparison.Ordinal))
        {
            var start = at + attribute.Length;
            var end = svg.IndexOf('"', start);
            if (end < 0)
            {
                return false;
            }

            var data = svg[start..end];
            counts[data] = counts.GetValueOrDefault(data) + 1;
        }

        var from = 0;
        foreach (var (placeholder, _) in deferred.Paths)
        {
            var slot = counts.GetValueOrDefault(placeholder) == 1 ? svg.IndexOf(Quoted(placeholder), from, StringComparison.Ordinal) : -1;
            if (slot < 0)
            {
                return false;
            }

            from = slot + placeholder.Length + 4;
        }

        return true;
    }

    private static string Quoted(string pathData) => "d=\"" + pathData + "\"";

    /// <summary>SHA-256 of the document as it will read (deferred paths in place), without building it.</summary>
    private static byte[] ContentHash(string numbered, DeferredSvgPaths deferred)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var at = 0;
        foreach (var (placeholder, data) in deferred.Paths)
        {
            var slot = numbered.IndexOf(Quoted(placeholder), at, StringComparison.Ordinal) + 3;
            Append(hash, numbered.AsSpan(at, slot - at));
            Append(hash, data);
            at = slot + placeholder.Length;
        }

        Append(hash, numbered.AsSpan(at));
        return hash.GetHashAndReset();
    }

    private static void Append(IncrementalHash hash, ReadOnlySpan<char> text)
    {
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, bytes);
        hash.AppendData(bytes, 0, length);
        System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
    }

    /// <summary>A clip id where SkiaSharp writes one (<c>id="cl_…"</c>, <c>url(#cl_…)</c>), never in text: an author named "cl_1f" stays as written.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\bid=""|url\(#)cl_[0-9a-fA-F]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipId();
}
