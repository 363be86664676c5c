using ScottPlot;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Plottables;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Charts.Bodies;

/// <summary>
/// <c>author-positions</c>: a ScottPlot <see cref="Multiplot"/> with one panel per target side by
/// side, sharing the author rows (names on the first panel only) and the −1…+1 axis. When not
/// every author fits, those with the most pieces are kept, in the same order.
/// </summary>
internal sealed class PositionsBody(IReadOnlyList<string> authors, IReadOnlyList<int> priority, IReadOnlyList<(string Target, IReadOnlyList<PositionBar> Bars)> panels) : IChartBody
{
    private Multiplot? _multiplot;
    private readonly List<(Plot Plot, PositionBars Bars, string Target)> _panels = [];
    private SKRect _area;
    private int[] _rowOf = [];
    private int _shown;

    public string? Fit(SKRect area, ChartTheme theme)
    {
        _area = area;
        _panels.Clear();
        var tick = theme.TickSize;
        var top = panels.Count > 1 ? tick * 2.0f : tick * 0.8f;
        var bottom = tick * 2.2f;
        var minRow = tick * 1.5f;
        var fit = (int)Math.Floor(Math.Max(0, area.Height - top - bottom) / minRow);
        _shown = Math.Clamp(fit, Math.Min(1, authors.Count), authors.Count);
        var kept = priority.Take(_shown).ToHashSet();
        var shownAuthors = Enumerable.Range(0, authors.Count).Where(kept.Contains).ToList(); // display order, most favourable first
        _rowOf = Enumerable.Repeat(-1, authors.Count).ToArray();
        for (var i = 0; i < shownAuthors.Count; i++)
        {
            _rowOf[shownAuthors[i]] = i;
        }

        var names = shownAuthors.Select(a => ChartText.Clean(authors[a])).ToList();
        var labelWidth = Math.Min(names.Count == 0 ? 0 : names.Max(n => ChartText.Measure(n, tick)), area.Width * (theme.Narrow ? 0.3f : 0.22f));
        var left = labelWidth + (tick * 0.8f);
        var gap = tick * 1.2f;
        var panelWidth = (area.Width - left - (gap * (panels.Count - 1))) / Math.Max(1, panels.Count);

        // x from 1 to 1 + gutter holds the n labels: as wide as the widest label plus a little air, in data units.
        var widestN = panels.SelectMany(p => p.Bars).Select(b => ChartText.Measure("n=" + b.N.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), tick * 0.9f)).DefaultIfEmpty(0).Max() + (tick * 0.8f);
        var gutter = Math.Clamp(2 * widestN / Math.Max(1, panelWidth - widestN), 0.3, 2.0);
        var rectangles = new List<PixelRect>();
        var x = area.Left;
        for (var i = 0; i < panels.Count; i++)
        {
            var (target, bars) = panels[i];
            var plot = PlotKit.Create(theme);
            var shownBars = bars.Where(b => _rowOf[b.Row] >= 0).Select(b => b with { Row = _rowOf[b.Row] }).ToList();
            var plottable = new PositionBars(shownBars, _shown, theme);
            plot.Add.Plottable(plottable);
            var zero = plot.Add.VerticalLine(0);
            zero.LineColor = ChartTheme.Scott(ChartTheme.ZeroLine);
            zero.LineWidth = theme.HairLine * 1.6f;
            // Five labels where they fit with room between them, else the ends and zero.
            var fine = ChartText.Measure("\u22120.5", tick) * 1.8f < panelWidth / (2 + (float)gutter) * 0.5f;
            plot.Axes.Bottom.TickGenerator = fine
                ? PlotKit.Ticks([(-1, "\u22121"), (-0.5, "\u22120.5"), (0, "0"), (0.5, "+0.5"), (1, "+1")])
                : PlotKit.Ticks([(-1, "\u22121"), (0, "0"), (1, "+1")]);
            PlotKit.CategoryLabels(plot.Axes.Left, i == 0 ? names.Select((n, r) => ((double)(_shown - 1 - r), ChartText.Truncate(n, tick, labelWidth))) : [], tick);
            plot.Axes.Left.MajorTickStyle.Length = 0;
            plot.Grid.YAxisStyle.IsVisible = false;
            if (panels.Count > 1)
            {
                plot.Axes.Title.Label.Text = ChartText.Truncate(ChartText.Clean(target), tick * 1.05f, (float)panelWidth * 0.95f, bold: true);
            }

            plot.Axes.SetLimits(-1, 1 + gutter, -0.5, _shown - 0.5);
            var width = (i == 0 ? left : 0) + panelWidth;
            plot.Layout.Fixed(new PixelPadding(i == 0 ? left : 0, 0, bottom, top));
            rectangles.Add(new PixelRect((float)x, (float)(x + width), area.Bottom, area.Top));
            x += width + gap;
            _panels.Add((plot, plottable, target));
        }

        var multiplot = new Multiplot(_panels[0].Plot);
        foreach (var (plot, _, _) in _panels.Skip(1))
        {
            multiplot.AddPlot(plot);
        }

        multiplot.Layout = new FixedLayout(rectangles);
        _multiplot = multiplot;
        return _shown < authors.Count ? $"Showing {_shown:N0} of {authors.Count:N0} authors with the most pieces" : null;
    }

    public void Render(FigureCanvas canvas)
    {
        if (_multiplot is null)
        {
            return;
        }

        // The multiplot's layout places the subplots; each is rendered like any chart plot (Multiplot.Render
        // would first clear the whole canvas, header and footer included).
        var rectangles = _multiplot.Layout.GetSubplotRectangles(_multiplot.Subplots, new PixelRect(_area.Left, _area.Right, _area.Bottom, _area.Top));
        for (var i = 0; i < _panels.Count; i++)
        {
            var r = rectangles[i];
            PlotKit.Render(_panels[i].Plot, canvas.Canvas, new SKRect(r.Left, r.Top, r.Right, r.Bottom));
        }

        foreach (var (plot, bars, target) in _panels)
        {
            PlotKit.RecordTexts(plot, canvas);
            canvas.Texts.AddRange(bars.Texts);
            if (plot.Axes.Title.Label.Text is { Length: > 0 } title)
            {
                var data = plot.RenderManager.LastRender.DataRect;
                var width = ChartText.Measure(title, plot.Axes.Title.Label.FontSize, bold: true);
                canvas.Record("panel-title", title, new SKRect(data.HorizontalCenter - (width / 2), data.Top - (plot.Axes.Title.Label.FontSize * 1.5f), data.HorizontalCenter + (width / 2), data.Top - 2));
            }

            var thickness = bars.Thickness;
            foreach (var bar in panels.First(p => p.Target == target).Bars.Where(b => _rowOf[b.Row] >= 0))
            {
                var rect = bars.BarRect(bar with { Row = _rowOf[bar.Row] }, thickness);
                canvas.Marks.Add(new ChartMark("author", authors[bar.Row], target, Math.Round(bar.Estimate, 4), bar.N, bar.Thin,
                    Math.Round(rect.Left, 2), Math.Round(rect.Top, 2), Math.Round(rect.Width, 2), Math.Round(rect.Height, 2)));
            }
        }
    }

    /// <summary>Subplot rectangles computed by the body: the first panel is wider by the author names.</summary>
    private sealed class FixedLayout(IReadOnlyList<PixelRect> rectangles) : IMultiplotLayout
    {
        public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect figureRect) => [.. rectangles];
    }
}
