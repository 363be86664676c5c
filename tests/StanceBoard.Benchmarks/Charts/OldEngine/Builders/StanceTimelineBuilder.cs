using StanceBoard.Analysis.Aggregation;
using StanceBoard.Benchmarks.OldEngine.Color;
using StanceBoard.Benchmarks.OldEngine.Plottables;
using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine.Builders;

/// <summary><c>stance-timeline</c>: mean stance per target over time bins, with interval bands.</summary>
internal sealed class StanceTimelineBuilder : IChartBuilder
{
    public string Name => ChartNames.StanceTimeline;

    public static TimeBin AutoBin(DateOnly? first, DateOnly? last)
    {
        var days = first is { } f && last is { } l ? l.DayNumber - f.DayNumber + 1 : int.MaxValue;
        return days <= 45 ? TimeBin.Day : days <= 300 ? TimeBin.Week : TimeBin.Month;
    }

    public ChartSpec Build(ChartInputs inputs)
    {
        var request = inputs.Request;
        var bin = request.Bin is { } b and not TimeBin.None ? b : AutoBin(inputs.First, inputs.Last);
        var options = inputs.Aggregation with { Bin = bin };
        var aggregates = StanceAggregator.Aggregate(inputs.Observations, AggregateDimension.Target, options);
        var binWord = bin switch { TimeBin.Day => "day", TimeBin.Week => "week", _ => "month" };
        var spec = new ChartSpec
        {
            Name = Name,
            Title = request.Title ?? "Stance towards " + inputs.TargetList("each target") + " over time",
            Subtitle = request.Subtitle ?? $"Mean stance score per {binWord} (UTC{(bin == TimeBin.Week ? ", ISO weeks" : string.Empty)}), with {inputs.IntervalPercent} intervals",
            Caption = request.Caption ?? inputs.MethodCaption(null),
            SourceNote = request.SourceNote,
            DateRange = inputs.DateRange,
            Pieces = inputs.Pieces,
            ModelVersions = inputs.ModelVersions,
            Size = request.Size,
            Greyscale = request.Greyscale,
            Panels = [],
            Data = CsvRows.From(aggregates, bin, "group"),
        };

        if (aggregates.Count == 0)
        {
            return spec with { EmptyMessage = inputs.EmptyMessage() };
        }

        var series = new List<IPlottable> { new ReferenceLine(0, Vertical: false) };
        var legend = new List<LegendItem>();
        var index = 0;
        foreach (var target in inputs.Targets)
        {
            var cells = aggregates.Where(a => a.Target == target).ToList();
            if (cells.Count == 0)
            {
                continue;
            }

            var style = SeriesPalette.Get(index++, request.Greyscale);
            var points = new List<SeriesPoint>(cells.Count);
            DateOnly? previousEnd = null;
            foreach (var c in cells)
            {
                var middle = (c.BinStart!.Value.DayNumber + c.BinEnd!.Value.DayNumber) / 2.0;
                points.Add(new SeriesPoint(middle, c.Estimate, c.Lower, c.Upper, c.IsThin, previousEnd is not null && previousEnd != c.BinStart));
                previousEnd = c.BinEnd;
            }

            var dense = LineSeries.IsDense(points.Count, request.Size.WidthPx);
            series.Add(new LineSeries(target, style, points));
            legend.Add(new LegendItem(LegendKind.Line, target)
            {
                Style = dense ? style with { Dash = string.Empty } : style,
                ShowMarker = points.Count <= LineSeries.MarkerLimit,
            });
        }

        legend.Add(new LegendItem(LegendKind.Band, inputs.IntervalPercent + " interval") { Fill = new Rgb(0x70, 0x70, 0x70) });
        var thinShown = aggregates.Any(a => a.IsThin) && series.OfType<LineSeries>().All(s => s.Points.Count <= LineSeries.MarkerLimit);
        if (thinShown)
        {
            legend.Add(new LegendItem(LegendKind.HollowMarker, $"fewer than {options.ThinThreshold} pieces"));
        }

        var first = new[] { inputs.First, aggregates.Min(a => a.BinStart) }.Where(d => d is not null).Min()!.Value;
        var last = new[] { inputs.Last, aggregates.Max(a => a.BinEnd)!.Value.AddDays(-1) }.Where(d => d is not null).Max()!.Value;
        var x = new DateAxisSpec(first, last);
        var y = new LinearAxisSpec(-1, 1) { Step = 0.5, SignedLabels = true, Nice = false, LowLabel = "Against", HighLabel = "Favor", Title = "Mean stance score" };
        return spec with { Panels = [new PanelSpec(x, y, series)], Legend = legend, Caption = request.Caption ?? inputs.MethodCaption(thinShown ? "Hollow markers" : null) };
    }
}
