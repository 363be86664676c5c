using ScottPlot;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Plottables;

namespace StanceBoard.Dashboard.Charts.Bodies;

/// <summary>
/// <c>stance-timeline</c>'s ScottPlot plot: a date axis (ScottPlot's date ticks), the stance axis
/// from −1 to +1 with Favor / Against marked, a zero line, and per target a translucent interval
/// band (FillY), the estimate line (Scatter, the series' dash pattern) and markers, hollow where
/// a bin is thin. Series denser than a pixel column are downsampled to per-column envelopes.
/// </summary>
internal sealed class TimelineBody(IReadOnlyList<TimelineSeries> series, double xMin, double xMax, double binDays, double pixelsPerUnit) : IChartBody
{
    private Plot? _plot;
    private readonly List<FigurePlottable> _figurePlottables = [];
    private SKRect _area;

    public string? Fit(SKRect area, ChartTheme theme)
    {
        _area = area;
        _figurePlottables.Clear();
        var plot = PlotKit.Create(theme);
        var xAxis = plot.Axes.DateTimeTicksBottom();
        xAxis.TickGenerator = new DateTickLabels();
        xAxis.TickLabelStyle.FontSize = theme.TickSize;
        xAxis.TickLabelStyle.ForeColor = ChartTheme.Scott(ChartTheme.Text);
        xAxis.MajorTickStyle.Color = ChartTheme.Scott(ChartTheme.Axis);
        xAxis.MajorTickStyle.Length = theme.TickSize * 0.35f;
        xAxis.MinorTickStyle.Length = 0;
        xAxis.FrameLineStyle.Color = ChartTheme.Scott(ChartTheme.Axis);
        xAxis.FrameLineStyle.Width = theme.HairLine;
        plot.Axes.Left.TickGenerator = PlotKit.StanceTicks();
        plot.Axes.Left.Label.Text = "Mean stance score";

        var zero = plot.Add.HorizontalLine(0);
        zero.LineColor = ChartTheme.Scott(ChartTheme.ZeroLine);
        zero.LineWidth = theme.HairLine * 1.6f;

        var columns = Math.Max(1, (int)Math.Round(area.Width * pixelsPerUnit));
        foreach (var s in series)
        {
            var colour = ChartTheme.Scott(s.Style.Colour);
            var dense = TimelineSeries.IsDense(s.Points.Count, columns);
            if (dense)
            {
                // Column-aligned shapes: no edges to smooth, so no antialiasing, which keeps rasterising cheap.
                // The band is soft anyway: two-pixel columns halve its vertices at no visible cost.
                foreach (var run in ColumnEnvelope.Downsample(s.Points, xMin, xMax, Math.Max(1, columns / 2)))
                {
                    plot.Add.Plottable(new EnvelopeLine(run, s.Style.Colour, 0, alpha: 0.13, band: true));
                }

                foreach (var run in ColumnEnvelope.Downsample(s.Points, xMin, xMax, columns))
                {
                    plot.Add.Plottable(new EnvelopeLine(run, s.Style.Colour, Math.Max(1f / (float)pixelsPerUnit, theme.DataLine * 0.6f)));
                }

                continue;
            }

            foreach (var run in Segments(s.Points))
            {

                var band = plot.Add.FillY(run.BandX.ToArray(), run.BandHigh.ToArray(), run.BandLow.ToArray());
                band.FillStyle.Color = colour.WithAlpha(0.13);
                band.LineStyle.Width = 0;
                if (run.LineX.Count > 1)
                {
                    var line = plot.Add.ScatterLine(run.LineX.ToArray(), run.LineY.ToArray());
                    line.Color = colour;
                    line.LineWidth = theme.DataLine;
                    line.LinePattern = s.Style.Dash.Length == 0 ? LinePattern.Solid : new LinePattern(s.Style.DashIntervals(theme.DataLine), 0, "series");
                }
            }

            if (s.Points.Count <= TimelineSeries.MarkerLimit)
            {
                var markers = new SeriesMarkers(s.Points, s.Style, (float)theme.BaseSize * 0.28f, theme.DataLine * 0.75f);
                plot.Add.Plottable(markers);
                _figurePlottables.Add(markers);
            }
        }

        var labels = new StanceDirectionLabels(theme);
        plot.Add.Plottable(labels);
        _figurePlottables.Add(labels);
        plot.Axes.SetLimits(xMin, xMax, -1, 1);
        _plot = plot;
        return null;
    }

    public void Render(FigureCanvas canvas)
    {
        if (_plot is null)
        {
            return;
        }

        PlotKit.Render(_plot, canvas.Canvas, _area);
        PlotKit.RecordTexts(_plot, canvas);
        foreach (var p in _figurePlottables)
        {
            canvas.Texts.AddRange(p.Texts);
        }
    }

    private IEnumerable<ColumnEnvelope.Run> Segments(IReadOnlyList<SeriesPoint> points)
    {
        var segment = new List<SeriesPoint>();
        foreach (var p in points)
        {
            if (p.BreakBefore && segment.Count > 0)
            {
                yield return ToRun(segment);
                segment = [];
            }

            segment.Add(p);
        }

        if (segment.Count > 0)
        {
            yield return ToRun(segment);
        }
    }

    private ColumnEnvelope.Run ToRun(List<SeriesPoint> segment)
    {
        if (segment.Count == 1)
        {
            // A lone bin: a short band so the interval still shows.
            var p = segment[0];
            var half = binDays * 0.25;
            return new ColumnEnvelope.Run([p.X], [p.Y], [p.X - half, p.X + half], [p.Lower, p.Lower], [p.Upper, p.Upper]);
        }

        return new ColumnEnvelope.Run(
            segment.Select(p => p.X).ToList(),
            segment.Select(p => p.Y).ToList(),
            segment.Select(p => p.X).ToList(),
            segment.Select(p => p.Lower).ToList(),
            segment.Select(p => p.Upper).ToList());
    }
}

