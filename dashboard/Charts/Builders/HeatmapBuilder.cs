using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.Charts.Bodies;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Plottables;

namespace StanceBoard.Dashboard.Charts.Builders;

/// <summary><c>author-heatmap</c> and <c>outlet-heatmap</c>: groups × targets, colour = mean stance, n in each cell, thin cells hatched.</summary>
internal sealed class HeatmapBuilder(string name, AggregateDimension dimension) : IChartBuilder
{
    public string Name { get; } = name;

    public ChartFigure Build(ChartInputs inputs)
    {
        var aggregates = StanceAggregator.Aggregate(inputs.Observations, dimension, inputs.Aggregation);
        var noun = dimension == AggregateDimension.Author ? "author" : "outlet";
        var figure = inputs.Figure(
            Name,
            (dimension == AggregateDimension.Author ? "Where authors stand on " : "Where outlets stand on ") + inputs.TargetList("each target"),
            $"Mean stance score per {noun} and target; n = pieces. {Capitalise(noun)}s with the most pieces first",
            inputs.MethodCaption(null),
            CsvRows.From(aggregates, TimeBin.None, noun));
        if (aggregates.Count == 0)
        {
            return figure with { EmptyMessage = inputs.EmptyMessage() };
        }

        var groups = aggregates
            .GroupBy(a => a.Group!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(a => a.N))
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        var targets = inputs.Targets.Where(t => aggregates.Any(a => a.Target == t)).ToList();
        var rowOf = groups.Select((g, i) => (g, i)).ToDictionary(p => p.g, p => p.i, StringComparer.Ordinal);
        var columnOf = targets.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var cells = aggregates
            .Where(a => columnOf.ContainsKey(a.Target))
            .Select(a => new HeatmapCell(rowOf[a.Group!], columnOf[a.Target], a.Estimate, a.N, a.IsThin))
            .ToList();

        var anyThin = cells.Any(c => c.Thin);
        var legend = new List<LegendEntry> { new(LegendKind.ColourRamp, "\u22121 Against") { HighLabel = "Favor +1" } };
        if (anyThin)
        {
            legend.Add(new(LegendKind.Hatch, $"fewer than {inputs.Aggregation.ThinThreshold} pieces") { Fill = new Rgb(0xf7, 0xf7, 0xf7) });
        }

        if (cells.Count < groups.Count * targets.Count)
        {
            legend.Add(new(LegendKind.EmptyCell, "no pieces"));
        }

        return figure with
        {
            Body = new HeatmapBody(noun, groups, targets, cells),
            Legend = legend,
            Caption = inputs.Request.Caption ?? inputs.MethodCaption(anyThin ? "Hatched" : null),
        };
    }

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
