using ScottPlot;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Plottables;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Charts.Bodies;

/// <summary><c>stance-distribution</c>: ScottPlot horizontal bars per target, stacked against | none | favor, with counts and totals.</summary>
internal sealed class DistributionBody(IReadOnlyList<string> targets, IReadOnlyList<StackedBar> bars) : IChartBody
{
    private Plot? _plot;
    private StackedBarLabels? _labels;
    private SKRect _area;

    public string? Fit(SKRect area, ChartTheme theme)
    {
        _area = area;
        var tick = theme.TickSize;
        var rows = targets.Count;
        var plot = PlotKit.Create(theme);
        var bandPx = area.Height / Math.Max(1, rows);
        var thickness = Math.Min(0.55, theme.BaseSize * 4 / Math.Max(1, bandPx));
        var list = new List<Bar>();
        foreach (var bar in bars)
        {
            var y = rows - 1 - bar.Row;
            var start = 0.0;
            foreach (var (count, fill) in new[] { (bar.Against, StackedBarLabels.AgainstColour(theme.Greyscale)), (bar.None, StancePalette.Neutral(theme.Greyscale)), (bar.Favor, StackedBarLabels.FavorColour(theme.Greyscale)) })
            {
                if (count > 0)
                {
                    list.Add(new Bar
                    {
                        Position = y,
                        ValueBase = start,
                        Value = start + count,
                        Size = thickness,
                        FillColor = ChartTheme.Scott(fill),
                        LineColor = Colors.White,
                        LineWidth = theme.HairLine,
                        Orientation = Orientation.Horizontal,
                    });
                }

                start += count;
            }
        }

        var barPlot = plot.Add.Bars(list);
        barPlot.Horizontal = true;
        _labels = new StackedBarLabels(bars, rows, (float)thickness, theme);
        plot.Add.Plottable(_labels);
        var names = targets.Select(ChartText.Clean).ToList();
        var labelWidth = Math.Min(names.Max(n => ChartText.Measure(n, tick)), area.Width * 0.3f);
        PlotKit.CategoryLabels(plot.Axes.Left, names.Select((n, r) => ((double)(rows - 1 - r), ChartText.Truncate(n, tick, labelWidth))), tick);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = v => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) };
        plot.Axes.Bottom.Label.Text = "Pieces";
        plot.Grid.YAxisStyle.IsVisible = false;
        var max = bars.Max(b => b.Total);
        plot.Axes.SetLimits(0, Math.Max(1, max) * 1.15, -0.5, rows - 0.5);
        _plot = plot;
        return null;
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
    }
}
