using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.Charts.Bodies;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Plottables;

namespace StanceBoard.Dashboard.Charts.Builders;

/// <summary>
/// <c>author-positions</c>: a diverging bar per author (estimate with interval), one panel per
/// target sharing the author rows; authors ordered from most favourable to most against
/// (averaged over the targets shown).
/// </summary>
internal sealed class AuthorPositionsBuilder : IChartBuilder
{
    public string Name => ChartNames.AuthorPositions;

    public ChartFigure Build(ChartInputs inputs)
    {
        var request = inputs.Request;
        var aggregates = StanceAggregator.Aggregate(inputs.Observations, AggregateDimension.Author, inputs.Aggregation);
        var figure = inputs.Figure(
            Name,
            "Author positions on " + inputs.TargetList("each target"),
            $"Mean stance score per author with {inputs.IntervalPercent} intervals, most favourable first",
            inputs.MethodCaption(null),
            CsvRows.From(aggregates, TimeBin.None, "author"));
        if (aggregates.Count == 0)
        {
            return figure with { EmptyMessage = inputs.EmptyMessage() };
        }

        var byAuthor = aggregates.GroupBy(a => a.Group!, StringComparer.Ordinal).ToList();
        var authors = byAuthor
            .OrderByDescending(g => g.Average(a => a.Estimate))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        var rowOf = authors.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i, StringComparer.Ordinal);
        var priority = byAuthor
            .OrderByDescending(g => g.Sum(a => a.N))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => rowOf[g.Key])
            .ToList();
        var targets = inputs.Targets.Where(t => aggregates.Any(a => a.Target == t)).ToList();
        var panels = targets.Select(target => (target, (IReadOnlyList<PositionBar>)aggregates
                .Where(a => a.Target == target)
                .Select(a => new PositionBar(rowOf[a.Group!], a.Estimate, a.Lower, a.Upper, a.N, a.IsThin))
                .ToList()))
            .ToList();

        var anyThin = aggregates.Any(a => a.IsThin);
        var legend = new List<LegendEntry>
        {
            new(LegendKind.ColourRamp, "\u22121 Against") { HighLabel = "Favor +1" },
            new(LegendKind.Whisker, inputs.IntervalPercent + " interval"),
        };
        if (anyThin)
        {
            legend.Add(new(LegendKind.Hatch, $"fewer than {inputs.Aggregation.ThinThreshold} pieces") { Fill = new Rgb(0xf7, 0xf7, 0xf7) });
        }

        return figure with
        {
            Body = new PositionsBody(authors, priority, panels),
            Legend = legend,
            Caption = request.Caption ?? inputs.MethodCaption(anyThin ? "Hatched" : null),
        };
    }
}
