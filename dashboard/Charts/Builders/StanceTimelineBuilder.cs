using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.Charts.Bodies;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Plottables;

namespace StanceBoard.Dashboard.Charts.Builders;

/// <summary><c>stance-timeline</c>: mean stance per target over time bins, with interval bands.</summary>
internal sealed class StanceTimelineBuilder : IChartBuilder
{
    private static readonly int OleEpoch = new DateOnly(1899, 12, 30).DayNumber;

    public string Name => ChartNames.StanceTimeline;

    public static TimeBin AutoBin(DateOnly? first, DateOnly? last)
    {
        var days = first is { } f && last is { } l ? l.DayNumber - f.DayNumber + 1 : int.MaxValue;
        return days <= 45 ? TimeBin.Day : days <= 300 ? TimeBin.Week : TimeBin.Month;
    }

    public ChartFigure Build(ChartInputs inputs)
    {
        var request = inputs.Request;
        var bin = request.Bin is { } b and not TimeBin.None ? b : AutoBin(inputs.First, inputs.Last);
        var options = inputs.Aggregation with { Bin = bin };
        var aggregates = StanceAggregator.Aggregate(inputs.Observations, AggregateDimension.Target, options);
        var binWord = bin switch { TimeBin.Day => "day", TimeBin.Week => "week", _ => "month" };
        var figure = inputs.Figure(
            Name,
            "Stance towards " + inputs.TargetList("each target") + " over time",
            $"Mean stance score per {binWord} (UTC{(bin == TimeBin.Week ? ", ISO weeks" : string.Empty)}), with {inputs.IntervalPercent} intervals",
            inputs.MethodCaption(null),
            CsvRows.From(aggregates, bin, "group"));
        if (aggregates.Count == 0)
        {
            return figure with { EmptyMessage = inputs.EmptyMessage() };
        }

        var series = new List<TimelineSeries>();
        var legend = new List<LegendEntry>();

        // Colours follow the targets' names, not their order (most pieces first): on a live board a
        // target overtaking another must not make both lines swap colours between two updates.
        var colourRank = inputs.Targets.Order(StringComparer.OrdinalIgnoreCase).Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        foreach (var target in inputs.Targets)
        {
            var cells = aggregates.Where(a => a.Target == target).ToList();
            if (cells.Count == 0)
            {
                continue;
            }

            var style = SeriesPalette.Get(colourRank[target], request.Greyscale);
            var points = new List<SeriesPoint>(cells.Count);
            DateOnly? previousEnd = null;
            foreach (var c in cells)
            {
                var middle = ((c.BinStart!.Value.DayNumber + c.BinEnd!.Value.DayNumber) / 2.0) - OleEpoch;
                points.Add(new SeriesPoint(middle, c.Estimate, c.Lower, c.Upper, c.IsThin, previousEnd is not null && previousEnd != c.BinStart));
                previousEnd = c.BinEnd;
            }

            var dense = TimelineSeries.IsDense(points.Count, request.Size.WidthPx);
            series.Add(new TimelineSeries(target, style, points));
            legend.Add(new LegendEntry(LegendKind.Line, target)
            {
                Style = dense ? style with { Dash = string.Empty } : style,
                ShowMarker = points.Count <= TimelineSeries.MarkerLimit,
            });
        }

        legend.Add(new LegendEntry(LegendKind.Band, inputs.IntervalPercent + " interval") { Fill = new Rgb(0x70, 0x70, 0x70) });
        var thinShown = aggregates.Any(a => a.IsThin) && series.All(s => s.Points.Count <= TimelineSeries.MarkerLimit);
        if (thinShown)
        {
            legend.Add(new LegendEntry(LegendKind.HollowMarker, $"fewer than {options.ThinThreshold} pieces"));
        }

        var first = new[] { inputs.First, aggregates.Min(a => a.BinStart) }.Where(d => d is not null).Min()!.Value;
        var last = new[] { inputs.Last, aggregates.Max(a => a.BinEnd)!.Value.AddDays(-1) }.Where(d => d is not null).Max()!.Value;
        var xMin = first.DayNumber - OleEpoch;
        var xMax = Math.Max(last.DayNumber + 1 - OleEpoch, xMin + 3);
        var binDays = bin switch { TimeBin.Day => 1.0, TimeBin.Week => 7.0, _ => 30.4 };
        return figure with
        {
            Body = new TimelineBody(series, xMin, xMax, binDays, request.Size.Dpi / 96.0),
            Legend = legend,
            Caption = request.Caption ?? inputs.MethodCaption(thinShown ? "Hollow markers" : null),
        };
    }
}
