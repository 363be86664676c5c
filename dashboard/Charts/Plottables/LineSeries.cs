using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Rendering;

namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>
/// A target's stance over time: the interval as a translucent band, the estimate as a line
/// (broken where bins are missing), and markers when there are few points — hollow where the
/// bin is thin.
/// </summary>
internal sealed record LineSeries(string Name, SeriesStyle Style, IReadOnlyList<SeriesPoint> Points) : IPlottable
{
    /// <summary>Series with more points than this get no markers.</summary>
    public const int MarkerLimit = 60;

    public void Render(RenderContext context, PanelLayout panel)
    {
        if (Points.Count == 0)
        {
            return;
        }

        var theme = context.Theme;
        var svg = context.Svg;
        var colour = Style.Colour.Hex;
        var column = context.Width / context.Spec.Size.WidthPx; // one output pixel in layout units
        var segments = Segments().Select(s => Downsampler.M4(
            s.Select(p => (panel.X.Map(p.X), panel.Y.Map(p.Y), panel.Y.Map(p.Lower), panel.Y.Map(p.Upper))).ToList(),
            column)).ToList();

        svg.BeginGroup("series", context.Id("clip-" + panel.Index));
        foreach (var segment in segments)
        {
            svg.BeginPath();
            if (segment.Count == 1)
            {
                // A lone bin: a short bar so the interval still shows.
                var (x, _, lower, upper) = segment[0];
                var half = theme.BaseSize * 0.25;
                svg.MoveTo(x - half, upper);
                svg.LineTo(x + half, upper);
                svg.LineTo(x + half, lower);
                svg.LineTo(x - half, lower);
            }
            else
            {
                svg.MoveTo(segment[0].X, segment[0].Upper);
                for (var i = 1; i < segment.Count; i++)
                {
                    svg.LineTo(segment[i].X, segment[i].Upper);
                }

                for (var i = segment.Count - 1; i >= 0; i--)
                {
                    svg.LineTo(segment[i].X, segment[i].Lower);
                }
            }

            svg.ClosePath();
            svg.EndPath(colour, fillOpacity: 0.13);
        }

        foreach (var segment in segments.Where(s => s.Count > 1))
        {
            svg.BeginPath();
            svg.MoveTo(segment[0].X, segment[0].Y);
            for (var i = 1; i < segment.Count; i++)
            {
                svg.LineTo(segment[i].X, segment[i].Y);
            }

            svg.EndPath("none", colour, theme.DataLine, Style.Dash, roundJoins: true);
        }

        if (Points.Count <= MarkerLimit)
        {
            foreach (var p in Points)
            {
                Markers.Draw(svg, Style.Marker, panel.X.Map(p.X), panel.Y.Map(p.Y), theme.BaseSize * 0.28, colour, p.Thin, theme.DataLine * 0.75);
            }
        }

        svg.EndGroup();
    }

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
