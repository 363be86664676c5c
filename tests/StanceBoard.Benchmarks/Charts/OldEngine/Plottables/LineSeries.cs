using StanceBoard.Benchmarks.OldEngine.Color;
using StanceBoard.Benchmarks.OldEngine.Rendering;

namespace StanceBoard.Benchmarks.OldEngine.Plottables;

/// <summary>
/// A target's stance over time: the interval as a translucent band, the estimate as a line
/// (broken where bins are missing), and markers when there are few points — hollow where the
/// bin is thin. A series denser than one point per two output pixels is drawn as per-pixel-column
/// envelopes instead (see <see cref="ColumnEnvelope"/>), so cost stays flat as data grows.
/// Coordinates are clamped to the plot instead of clipped: librsvg renders a clip-path through
/// an offscreen mask, which doubled the cost of a dense PNG.
/// </summary>
internal sealed record LineSeries(string Name, SeriesStyle Style, IReadOnlyList<SeriesPoint> Points) : IPlottable
{
    /// <summary>Series with more points than this get no markers.</summary>
    public const int MarkerLimit = 60;

    /// <summary>Whether a series of <paramref name="count"/> points on a figure <paramref name="widthPx"/> pixels wide is drawn as envelopes (solid, no dashes, no markers).</summary>
    public static bool IsDense(int count, int widthPx) => count * 2 > widthPx;

    public void Render(RenderContext context, PanelLayout panel)
    {
        if (Points.Count == 0)
        {
            return;
        }

        context.Svg.BeginGroup("series");
        if (IsDense(Points.Count, context.Spec.Size.WidthPx))
        {
            RenderDense(context, panel);
        }
        else
        {
            RenderSparse(context, panel);
        }

        context.Svg.EndGroup();
    }

    private void RenderSparse(RenderContext context, PanelLayout panel)
    {
        var theme = context.Theme;
        var svg = context.Svg;
        var colour = Style.Colour.Hex;
        var segments = Segments().ToList();
        foreach (var segment in segments)
        {
            svg.BeginPath();
            if (segment.Count == 1)
            {
                // A lone bin: a short bar so the interval still shows.
                var x = X(panel, segment[0].X);
                var half = theme.BaseSize * 0.25;
                svg.MoveTo(x - half, Y(panel, segment[0].Upper));
                svg.LineTo(x + half, Y(panel, segment[0].Upper));
                svg.LineTo(x + half, Y(panel, segment[0].Lower));
                svg.LineTo(x - half, Y(panel, segment[0].Lower));
            }
            else
            {
                svg.MoveTo(X(panel, segment[0].X), Y(panel, segment[0].Upper));
                for (var i = 1; i < segment.Count; i++)
                {
                    svg.LineTo(X(panel, segment[i].X), Y(panel, segment[i].Upper));
                }

                for (var i = segment.Count - 1; i >= 0; i--)
                {
                    svg.LineTo(X(panel, segment[i].X), Y(panel, segment[i].Lower));
                }
            }

            svg.ClosePath();
            svg.EndPath(colour, fillOpacity: 0.13);
        }

        foreach (var segment in segments.Where(s => s.Count > 1))
        {
            svg.BeginPath();
            svg.MoveTo(X(panel, segment[0].X), Y(panel, segment[0].Y));
            for (var i = 1; i < segment.Count; i++)
            {
                svg.LineTo(X(panel, segment[i].X), Y(panel, segment[i].Y));
            }

            svg.EndPath("none", colour, theme.DataLine, Style.Dash, roundJoins: true);
        }

        if (Points.Count <= MarkerLimit)
        {
            foreach (var p in Points)
            {
                Markers.Draw(svg, Style.Marker, X(panel, p.X), Y(panel, p.Y), theme.BaseSize * 0.28, colour, p.Thin, theme.DataLine * 0.75);
            }
        }
    }

    private void RenderDense(RenderContext context, PanelLayout panel)
    {
        var theme = context.Theme;
        var colour = Style.Colour.Hex;
        var pixel = context.Width / context.Spec.Size.WidthPx; // one output pixel in layout units
        // The band is soft anyway: two-pixel columns halve its vertices at no visible cost.
        var band = ColumnEnvelope.Build(Points, panel, pixel * 2, p => p.Upper, p => p.Lower, 0);
        var line = ColumnEnvelope.Build(Points, panel, pixel, p => p.Y, p => p.Y, Math.Max(pixel, theme.DataLine * 0.6));
        ColumnEnvelope.Write(context.Svg, band, colour, 0.13);
        ColumnEnvelope.Write(context.Svg, line, colour, 1);
    }

    private static double X(PanelLayout panel, double value) => Math.Clamp(panel.X.Map(value), panel.Plot.X, panel.Plot.Right);

    private static double Y(PanelLayout panel, double value) => Math.Clamp(panel.Y.Map(value), panel.Plot.Y, panel.Plot.Bottom);

    private IEnumerable<List<SeriesPoint>> Segments()
    {
        var current = new List<SeriesPoint>();
        foreach (var p in Points)
        {
            if (p.BreakBefore && current.Count > 0)
            {
                yield return current;
                current = [];
            }

            current.Add(p);
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }
}
