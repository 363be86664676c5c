using StanceBoard.Analysis.Aggregation;
using StanceBoard.Benchmarks.OldEngine.Color;
using StanceBoard.Benchmarks.OldEngine.Plottables;
using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine.Builders;

/// <summary><c>stance-distribution</c>: pieces per target split into against, none and favor.</summary>
internal sealed class StanceDistributionBuilder : IChartBuilder
{
    public string Name => ChartNames.StanceDistribution;

    public ChartSpec Build(ChartInputs inputs)
    {
        var request = inputs.Request;
        var aggregates = StanceAggregator.Aggregate(inputs.Observations, AggregateDimension.Target, inputs.Aggregation);
        var spec = new ChartSpec
        {
            Name = Name,
            Title = request.Title ?? "Stance of commentary on " + inputs.TargetList("each target"),
            Subtitle = request.Subtitle ?? "Pieces by predicted stance per target",
            Caption = request.Caption ?? "Each piece counts once per target it mentions, under the stance the model predicts for it (the most probable of favor, against and none). Pieces that do not mention a target are not counted for it.",
            SourceNote = request.SourceNote,
            DateRange = inputs.DateRange,
            Pieces = inputs.Pieces,
            ModelVersions = inputs.ModelVersions,
            Size = request.Size,
            Greyscale = request.Greyscale,
            Panels = [],
            Data = CsvRows.From(aggregates, TimeBin.None, "group"),
        };

        if (aggregates.Count == 0)
        {
            return spec with { EmptyMessage = inputs.EmptyMessage() };
        }

        var targets = inputs.Targets.Where(t => aggregates.Any(a => a.Target == t)).ToList();
        var bars = targets.Select((t, i) =>
        {
            var a = aggregates.Single(x => x.Target == t);
            return new StackedBar(i, a.Against, a.None, a.Favor);
        }).ToList();
        var max = bars.Max(b => b.Total);
        var x = new LinearAxisSpec(0, max * 1.12) { Title = "Pieces" };
        var y = new CategoryAxisSpec(targets) { Noun = "targets" };
        var legend = new List<LegendItem>
        {
            new(LegendKind.Swatch, "Against") { Fill = StackedBars.AgainstColour(request.Greyscale) },
            new(LegendKind.Swatch, "None") { Fill = StancePalette.Neutral(request.Greyscale) },
            new(LegendKind.Swatch, "Favor") { Fill = StackedBars.FavorColour(request.Greyscale) },
        };
        return spec with { Panels = [new PanelSpec(x, y, [new StackedBars(bars)])], Legend = legend };
    }
}
