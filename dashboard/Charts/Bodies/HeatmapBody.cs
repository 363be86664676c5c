using ScottPlot;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Plottables;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Charts.Bodies;

/// <summary>
/// Groups (authors or outlets, most pieces first) × targets as a ScottPlot heatmap on the stance
/// scale, with labelled, gapped and (when thin) hatched cells. Columns are at most 16 em wide;
/// rows fill the height but are at most as tall as a column is wide; when the rows do not all
/// fit, those with the most pieces are kept and the footer says how many are shown. Long names
/// are shortened with "…" (the marks keep them whole).
/// </summary>
internal sealed class HeatmapBody(string kind, IReadOnlyList<string> groups, IReadOnlyList<string> targets, IReadOnlyList<HeatmapCell> cells) : IChartBody
{
    private Plot? _plot;
    private StanceCellLabels? _labels;
    private SKRect _area;
    private int _shown;

    public string? Fit(SKRect area, ChartTheme theme)
    {
        _area = area;
        var columns = targets.Count;
        var tick = theme.TickSize;
        var top = tick * 2.2f;
        var bottom = theme.Gap * 0.5f;
        var minRow = tick * 1.5f;
        var rowsFit = (int)Math.Floor(Math.Max(0, area.Height - top - bottom) / minRow);
        _shown = Math.Clamp(rowsFit, Math.Min(1, groups.Count), groups.Count);
        var names = groups.Take(_shown).Select(ChartText.Clean).ToList();
        var widest = names.Count == 0 ? 0 : names.Max(n => ChartText.Measure(n, tick));
        var labelWidth = Math.Min(widest, area.Width * (theme.Narrow ? 0.36f : 0.3f));
        var left = labelWidth + (tick * 0.8f);
        var columnWidth = Math.Min((area.Width - left - theme.Gap) / Math.Max(1, columns), (float)theme.BaseSize * 16);
        var rowHeight = Math.Min((area.Height - top - bottom) / Math.Max(1, _shown), columnWidth);
        var dataWidth = columnWidth * columns;
        var dataHeight = rowHeight * _shown;

        var plot = PlotKit.Create(theme);
        var values = new double[_shown, columns];
        for (var r = 0; r < _shown; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[r, c] = double.NaN;
            }
        }

        var shownCells = cells.Where(c => c.Row < _shown).ToList();
        foreach (var cell in shownCells)
        {
            values[cell.Row, cell.Column] = cell.Value;
        }

        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new StanceColormap(theme.Greyscale);
        heatmap.ManualRange = new ScottPlot.Range(-1, 1);
        heatmap.NaNCellColor = ChartTheme.Scott(ChartTheme.EmptyCell);
        heatmap.Rectangle = new CoordinateRect(-0.5, columns - 0.5, -0.5, _shown - 0.5);
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
        _labels = new StanceCellLabels(shownCells, _shown, columns, theme);
        plot.Add.Plottable(_labels);

        PlotKit.CategoryLabels(plot.Axes.Left, names.Select((n, r) => ((double)(_shown - 1 - r), ChartText.Truncate(n, tick, labelWidth))), tick);
        var topAxis = plot.Axes.Top;
        topAxis.TickGenerator = PlotKit.Ticks(targets.Select((t, c) => ((double)c, ChartText.Truncate(ChartText.Clean(t), tick, columnWidth * 0.95f, bold: true))));
        topAxis.IsVisible = true;
        topAxis.TickLabelStyle.IsVisible = true;
        topAxis.TickLabelStyle.Bold = true;
        topAxis.MajorTickStyle.Length = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.IsVisible = false;
        plot.Axes.Right.IsVisible = false;
        plot.Axes.Left.FrameLineStyle.IsVisible = false;
        plot.Axes.Bottom.FrameLineStyle.IsVisible = false;
        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, _shown - 0.5);
        plot.Axes.SetLimitsX(-0.5, columns - 0.5, topAxis); // the top axis has no plottable of its own: give it the columns' range
        plot.Layout.Fixed(new PixelPadding(left, Math.Max(0, area.Width - left - dataWidth), Math.Max(0, area.Height - top - dataHeight), top));
        _plot = plot;
        return _shown < groups.Count ? $"Showing {_shown:N0} of {groups.Count:N0} {kind}s with the most pieces" : null;
    }

    public void Render(FigureCanvas canvas)
    {
        if (_plot is null || _labels is null)
        {
            return;
        }

        PlotKit.Render(_plot, canvas.Canvas, _area);
        PlotKit.RecordTexts(_plot, canvas);
        canvas.Texts.AddRange(_labels.Texts);
        foreach (var cell in cells.Where(c => c.Row < _shown))
        {
            var y = _shown - 1 - cell.Row;
            var a = _plot.GetPixel(new Coordinates(cell.Column - 0.5, y + 0.5));
            var b = _plot.GetPixel(new Coordinates(cell.Column + 0.5, y - 0.5));
            canvas.Marks.Add(new ChartMark(kind, groups[cell.Row], targets[cell.Column], Math.Round(cell.Value, 4), cell.N, cell.Thin,
                Math.Round(a.X, 2), Math.Round(a.Y, 2), Math.Round(b.X - a.X, 2), Math.Round(b.Y - a.Y, 2)));
        }
    }
}
