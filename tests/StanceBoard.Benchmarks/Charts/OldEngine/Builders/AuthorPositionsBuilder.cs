using StanceBoard.Analysis.Aggregation;
using StanceBoard.Benchmarks.OldEngine.Plottables;
using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine.Builders;

/// <summary>
/// <c>author-positions</c>: a diverging bar per author (estimate with interval), one panel per
/// target sharing the author rows; authors ordered from most favourable to most against
/// (averaged over the targets shown).
/// </summary>
internal sealed class AuthorPositionsBuilder : IChartBuilder
{
    public string Name => ChartNames.AuthorPositions;

    public ChartSpec Build(ChartInputs inputs)
    {
        var request = inputs.Request;
        var aggregates = StanceAggregator.Aggregate(inputs.Observations, AggregateDimension.Author, inputs.Aggregation);
        var spec = new ChartSpec
        {
            Name = Name,
            Title = request.Title ?? "Author positions on " + inputs.TargetList("each target"),
            Subtitle = request.Subtitle ?? $"Mean stance score per author with {inputs.IntervalPercent} intervals, most favourable first",
            Caption = request.Caption ?? inputs.MethodCaption(null),
            SourceNote = request.SourceNote,
            DateRange = inputs.DateRange,
            Pieces = inputs.Pieces,
            ModelVersions = inputs.ModelVersions,
            Size = request.Size,
            Greyscale = request.Greyscale,
            Panels = [],
            Data = CsvRows.From(aggregates, TimeBin.None, "author"),
        };

        if (aggregates.Count == 0)
        {
            return spec with { EmptyMessage = inputs.EmptyMessage() };
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
        var y = new CategoryAxisSpec(authors) { Priority = priority, Noun = "authors", MinBandEm = 1.5, Title = "Author" };
        var targets = inputs.Targets.Where(t => aggregates.Any(a => a.Target == t)).ToList();
        var panels = targets.Select(target =>
        {
            var bars = aggregates
                .Where(a => a.Target == target)
                .Select(a => new PositionBar(rowOf[a.Group!], a.Estimate, a.Lower, a.Upper, a.N, a.IsThin))
                .ToList();
            var x = new LinearAxisSpec(-1, 1) { Step = 0.5, SignedLabels = true, Nice = false };
            return new PanelSpec(x, y, [new ReferenceLine(0, Vertical: true), new DivergingBars(bars, authors, target)])
            {
                Title = targets.Count > 1 ? target : null,
                RightGutterEm = 3.6,
            };
        }).ToList();

        var anyThin = aggregates.Any(a => a.IsThin);
        var legend = new List<LegendItem>
        {
            new(LegendKind.ColourRamp, "\u22121 Against") { HighLabel = "Favor +1" },
            new(LegendKind.Whisker, inputs.IntervalPercent + " interval"),
        };
        if (anyThin)
        {
            legend.Add(new(LegendKind.Hatch, $"fewer than {inputs.Aggregation.ThinThreshold} pieces") { Fill = new Color.Rgb(0xf7, 0xf7, 0xf7) });
        }

        return spec with { Panels = panels, Legend = legend, Caption = request.Caption ?? inputs.MethodCaption(anyThin ? "Hatched" : null) };
    }
}
