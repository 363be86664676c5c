using StanceBoard.Analysis.Aggregation;
using StanceBoard.Benchmarks.OldEngine.Plottables;
using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine.Builders;

/// <summary><c>author-heatmap</c> and <c>outlet-heatmap</c>: groups × targets, colour = mean stance, n in each cell, thin cells hatched.</summary>
internal sealed class HeatmapBuilder(string name, AggregateDimension dimension) : IChartBuilder
{
    public string Name { get; } = name;

    public ChartSpec Build(ChartInputs inputs)
    {
        var request = inputs.Request;
        var aggregates = StanceAggregator.Aggregate(inputs.Observations, dimension, inputs.Aggregation);
        var noun = dimension == AggregateDimension.Author ? "author" : "outlet";
        var spec = new ChartSpec
        {
            Name = Name,
            Title = request.Title ?? (dimension == AggregateDimension.Author ? "Where authors stand on " : "Where outlets stand on ") + inputs.TargetList("each target"),
            Subtitle = request.Subtitle ?? $"Mean stance score per {noun} and target; n = pieces. {Capitalise(noun)}s with the most pieces first",
            Caption = request.Caption ?? inputs.MethodCaption(null),
            SourceNote = request.SourceNote,
            DateRange = inputs.DateRange,
            Pieces = inputs.Pieces,
            ModelVersions = inputs.ModelVersions,
            Size = request.Size,
            Greyscale = request.Greyscale,
            Panels = [],
            Data = CsvRows.From(aggregates, TimeBin.None, noun),
        };

        if (aggregates.Count == 0)
        {
            return spec with { EmptyMessage = inputs.EmptyMessage() };
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

        // Columns up to 16 em wide; rows fill the height, each at most as tall as a column is wide.
        var x = new CategoryAxisSpec(targets) { LabelsOnTop = true, MaxBandEm = 16 };
        var y = new CategoryAxisSpec(groups) { Noun = noun + "s", MinBandEm = 1.45, AtMostSquare = true, Title = Capitalise(noun) };
        var anyThin = cells.Any(c => c.Thin);
        var legend = new List<LegendItem> { new(LegendKind.ColourRamp, "\u22121 Against") { HighLabel = "Favor +1" } };
        if (anyThin)
        {
            legend.Add(new(LegendKind.Hatch, $"fewer than {inputs.Aggregation.ThinThreshold} pieces") { Fill = new Color.Rgb(0xf7, 0xf7, 0xf7) });
        }

        if (cells.Count < groups.Count * targets.Count)
        {
            legend.Add(new(LegendKind.EmptyCell, "no pieces"));
        }

        return spec with
        {
            Panels = [new PanelSpec(x, y, [new HeatmapCells(cells, noun, groups, targets)])],
            Legend = legend,
            Caption = request.Caption ?? inputs.MethodCaption(anyThin ? "Hatched" : null),
        };
    }

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
