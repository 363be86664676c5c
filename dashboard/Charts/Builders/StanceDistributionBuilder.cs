using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.Charts.Bodies;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Plottables;

namespace StanceBoard.Dashboard.Charts.Builders;

/// <summary><c>stance-distribution</c>: pieces per target split into against, none and favor.</summary>
internal sealed class StanceDistributionBuilder : IChartBuilder
{
    public string Name => ChartNames.StanceDistribution;

    public ChartFigure Build(ChartInputs inputs)
    {
        var request = inputs.Request;
        var aggregates = StanceAggregator.Aggregate(inputs.Observations, AggregateDimension.Target, inputs.Aggregation);
        var figure = inputs.Figure(
            Name,
            "Stance of commentary on " + inputs.TargetList("each target"),
            "Pieces by predicted stance per target",
            "Each piece counts once per target it mentions, under the stance the model predicts for it (the most probable of favor, against and none). Pieces that do not mention a target are not counted for it.",
            CsvRows.From(aggregates, TimeBin.None, "group"));
        if (aggregates.Count == 0)
        {
            return figure with { EmptyMessage = inputs.EmptyMessage() };
        }

        var targets = inputs.Targets.Where(t => aggregates.Any(a => a.Target == t)).ToList();
        var bars = targets.Select((t, i) =>
        {
            var a = aggregates.Single(x => x.Target == t);
            return new StackedBar(i, a.Against, a.None, a.Favor);
        }).ToList();
        var legend = new List<LegendEntry>
        {
            new(LegendKind.Swatch, "Against") { Fill = StackedBarLabels.AgainstColour(request.Greyscale) },
            new(LegendKind.Swatch, "None") { Fill = StancePalette.Neutral(request.Greyscale) },
            new(LegendKind.Swatch, "Favor") { Fill = StackedBarLabels.FavorColour(request.Greyscale) },
        };
        return figure with { Body = new DistributionBody(targets, bars), Legend = legend };
    }
}
