using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Figure;

namespace StanceBoard.Dashboard.Tests.Charts;

/// <summary>A target keeps its line colour on the timeline however the pieces per target change.</summary>
public sealed class TimelineColourTests
{
    [Fact]
    public void BuildFigure_TargetOvertakesAnother_KeepsEveryTargetsColour()
    {
        var observations = ChartFixtures.Karabakh().ToList();
        var before = Lines(observations);
        var last = before.Keys.Last();

        // Enough new pieces on the target with the fewest that it is drawn first.
        var start = new DateTimeOffset(2020, 10, 1, 12, 0, 0, TimeSpan.Zero);
        observations.AddRange(Enumerable.Range(0, 200).Select(i => new StanceObservation(50_000 + i, start.AddHours(i), "New Author", "New Outlet", last, Stance.Favor, 0.5, "2020.10-a")));
        var after = Lines(observations);

        after.Keys.First().ShouldBe(last, "the overtaking target is drawn first now");
        after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
        foreach (var (target, colour) in before)
        {
            after[target].ShouldBe(colour, target);
        }
    }

    private static Dictionary<string, string> Lines(IReadOnlyList<StanceObservation> observations)
    {
        var figure = ChartService.BuildFigure(ChartNames.StanceTimeline, observations, new ChartRequest());
        return figure.Legend
            .Where(e => e.Kind == LegendKind.Line)
            .ToDictionary(e => e.Label, e => e.Style!.Colour.ToString()!);
    }
}
