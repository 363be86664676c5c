using StanceBoard.Analysis.Aggregation;
using static StanceBoard.Analysis.Tests.Aggregation.Observations;

namespace StanceBoard.Analysis.Tests.Aggregation;

/// <summary>The aggregator sorts in linear time when the input is in piece order; the figures must not depend on the input's order.</summary>
public sealed class StanceAggregatorOrderTests
{
    [Theory]
    [InlineData(AggregateDimension.Target)]
    [InlineData(AggregateDimension.Author)]
    [InlineData(AggregateDimension.Outlet)]
    public void Aggregate_ShuffledInputWithRepeatsAndGaps_SameFiguresToTheLastBit(AggregateDimension dimension)
    {
        var random = new Random(5);
        var ordered = new List<StanceObservation>();
        for (var piece = 1; piece <= 400; piece++)
        {
            foreach (var target in new[] { "Turkey", "Russia", "Azerbaijan" }.Where(_ => random.Next(2) == 0))
            {
                var score = random.Next(50) == 0 ? double.NaN : Math.Round((random.NextDouble() * 2) - 1, 3);
                foreach (var author in new[] { "Bo", "Ann", null }.Where(_ => random.Next(2) == 0))
                {
                    ordered.Add(Make(piece, score, target, author, outlet: $"Outlet {piece % 5}", published: $"2020-{1 + (piece % 12):00}-{1 + (piece % 28):00}", model: random.Next(8) == 0 ? "v2" : "v1"));
                }
            }
        }

        var shuffled = ordered.OrderBy(_ => random.Next()).ToList();
        var options = AggregationOptions.Default with { Bin = TimeBin.Month };

        var fromOrdered = StanceAggregator.Aggregate(ordered, dimension, options);
        var fromShuffled = StanceAggregator.Aggregate(shuffled, dimension, options);

        fromOrdered.Count.ShouldBeGreaterThan(10);
        fromShuffled.Select(a => (a.Target, a.Group, a.BinStart, a.N, a.Estimate, a.Lower, a.Upper, a.Mean, string.Join(",", a.ModelVersions)))
            .ShouldBe(fromOrdered.Select(a => (a.Target, a.Group, a.BinStart, a.N, a.Estimate, a.Lower, a.Upper, a.Mean, string.Join(",", a.ModelVersions))));
    }
}
