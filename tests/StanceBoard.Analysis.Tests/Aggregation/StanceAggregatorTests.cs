using MathNet.Numerics.Distributions;
using StanceBoard.Analysis.Aggregation;

namespace StanceBoard.Analysis.Tests.Aggregation;

public sealed class StanceAggregatorTests
{
    [Fact]
    public void Aggregate_Counts_SplitByStanceAndCarryModelVersions()
    {
        var observations = new[]
        {
            Observations.Make(1, 0.8, model: "v2"),
            Observations.Make(2, -0.6, model: "v1"),
            Observations.Make(3, 0.0, model: "v2"),
            Observations.Make(4, 0.5, model: "v10"),
        };

        var cell = StanceAggregator.Aggregate(observations, AggregateDimension.Author).ShouldHaveSingleItem();

        cell.N.ShouldBe(4);
        cell.Favor.ShouldBe(2);
        cell.Against.ShouldBe(1);
        cell.None.ShouldBe(1);
        cell.Mean.ShouldBe((0.8 - 0.6 + 0.0 + 0.5) / 4, 1e-12);
        cell.ModelVersions.ShouldBe(["v1", "v10", "v2"]);
        cell.Group.ShouldBe("Ann Author");
        cell.BinStart.ShouldBeNull();
    }

    [Fact]
    public void Aggregate_ThinThreshold_MarksCellsBelowIt()
    {
        var observations = Enumerable.Range(1, 3).Select(i => Observations.Make(i, 0.1, author: "Few"))
            .Concat(Enumerable.Range(10, 6).Select(i => Observations.Make(i, 0.1, author: "Many")));

        var cells = StanceAggregator.Aggregate(observations, AggregateDimension.Author, new AggregationOptions { ThinThreshold = 4 });

        cells.Single(c => c.Group == "Few").IsThin.ShouldBeTrue();
        cells.Single(c => c.Group == "Many").IsThin.ShouldBeFalse();
    }

    [Fact]
    public void Aggregate_MultiAuthorPiece_CountsOncePerTargetButOncePerAuthor()
    {
        var observations = new[]
        {
            Observations.Make(1, 0.5, author: "Ann"),
            Observations.Make(1, 0.5, author: "Bob"),
            Observations.Make(2, -0.5, author: "Ann"),
        };

        StanceAggregator.Aggregate(observations, AggregateDimension.Target).Single().N.ShouldBe(2);
        StanceAggregator.Aggregate(observations, AggregateDimension.Outlet).Single().N.ShouldBe(2);
        var byAuthor = StanceAggregator.Aggregate(observations, AggregateDimension.Author);
        byAuthor.Single(c => c.Group == "Ann").N.ShouldBe(2);
        byAuthor.Single(c => c.Group == "Bob").N.ShouldBe(1);
    }

    [Fact]
    public void Aggregate_NoPrior_GivesClassicalStudentTInterval()
    {
        double[] scores = [0.2, 0.4, 0.9, -0.1, 0.5];
        var observations = scores.Select((s, i) => Observations.Make(i, s));
        var options = new AggregationOptions { PriorStrength = 0, IntervalLevel = 0.95 };

        var cell = StanceAggregator.Aggregate(observations, AggregateDimension.Target, options).Single();

        var mean = scores.Average();
        var sd = Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / (scores.Length - 1));
        var half = StudentT.InvCDF(0, 1, scores.Length - 1, 0.975) * sd / Math.Sqrt(scores.Length);
        cell.Estimate.ShouldBe(mean, 1e-12);
        cell.Lower.ShouldBe(mean - half, 1e-9);
        cell.Upper.ShouldBe(mean + half, 1e-9);
    }

    [Fact]
    public void Aggregate_ThinExtremeAuthor_IsShrunkTowardsTargetMeanWithWideInterval()
    {
        var crowd = Enumerable.Range(1, 40).Select(i => Observations.Make(i, i % 2 == 0 ? -0.1 : -0.3, author: "Crowd"));
        var lone = Observations.Make(100, 1.0, author: "Lone");

        var cells = StanceAggregator.Aggregate(crowd.Append(lone), AggregateDimension.Author);

        var loneCell = cells.Single(c => c.Group == "Lone");
        var crowdCell = cells.Single(c => c.Group == "Crowd");
        loneCell.Mean.ShouldBe(1.0);
        loneCell.Estimate.ShouldBeLessThan(0.5);
        loneCell.Estimate.ShouldBeGreaterThan(crowdCell.Estimate);
        (loneCell.Upper - loneCell.Lower).ShouldBeGreaterThan(3 * (crowdCell.Upper - crowdCell.Lower));
        loneCell.Lower.ShouldBeLessThanOrEqualTo(loneCell.Estimate);
        loneCell.Upper.ShouldBeGreaterThanOrEqualTo(loneCell.Estimate);
    }

    [Fact]
    public void Aggregate_MorePieces_NarrowInterval()
    {
        static double Width(int n)
        {
            var observations = Enumerable.Range(0, n).Select(i => Observations.Make(i, i % 3 == 0 ? 0.6 : 0.2));
            var cell = StanceAggregator.Aggregate(observations, AggregateDimension.Target).Single();
            return cell.Upper - cell.Lower;
        }

        Width(30).ShouldBeLessThan(Width(10));
        Width(10).ShouldBeLessThan(Width(3));
    }

    [Fact]
    public void Aggregate_Intervals_StayInsideScoreRange()
    {
        var observations = new[] { Observations.Make(1, 1.0), Observations.Make(2, 0.99) };

        var cell = StanceAggregator.Aggregate(observations, AggregateDimension.Target).Single();

        cell.Upper.ShouldBeLessThanOrEqualTo(1.0);
        cell.Lower.ShouldBeGreaterThanOrEqualTo(-1.0);
    }

    [Fact]
    public void Aggregate_WeeklyBins_GroupByIsoWeekAndSkipUndated()
    {
        var observations = new[]
        {
            Observations.Make(1, 0.5, published: "2020-10-05"), // Monday
            Observations.Make(2, 0.1, published: "2020-10-11"), // Sunday, same week
            Observations.Make(3, -0.5, published: "2020-10-12"), // next Monday
            Observations.Make(4, 0.9, published: null),
        };

        var cells = StanceAggregator.Aggregate(observations, AggregateDimension.Target, new AggregationOptions { Bin = TimeBin.Week });

        cells.Select(c => c.BinStart).ShouldBe([new DateOnly(2020, 10, 5), new DateOnly(2020, 10, 12)]);
        cells.Select(c => c.N).ShouldBe([2, 1]);
        cells[0].BinEnd.ShouldBe(new DateOnly(2020, 10, 12));
    }

    [Fact]
    public void Aggregate_Outlets_SkipUnknownOutletAndSortOrdinally()
    {
        var observations = new[]
        {
            Observations.Make(1, 0.5, outlet: "b outlet", target: "Turkey"),
            Observations.Make(2, 0.5, outlet: "A Outlet", target: "Turkey"),
            Observations.Make(3, 0.5, outlet: null, target: "Turkey"),
            Observations.Make(4, 0.5, outlet: "A Outlet", target: "Azerbaijan"),
        };

        var cells = StanceAggregator.Aggregate(observations, AggregateDimension.Outlet);

        cells.Select(c => (c.Target, c.Group)).ShouldBe([("Azerbaijan", "A Outlet"), ("Turkey", "A Outlet"), ("Turkey", "b outlet")]);
    }

    [Fact]
    public void Aggregate_SameInput_GivesSameOutput()
    {
        var observations = Enumerable.Range(0, 200)
            .Select(i => Observations.Make(i, Math.Sin(i), author: "A" + (i % 7), published: $"2020-10-{(i % 28) + 1:00}"))
            .ToList();
        var options = new AggregationOptions { Bin = TimeBin.Day };

        var first = StanceAggregator.Aggregate(observations, AggregateDimension.Author, options);
        var second = StanceAggregator.Aggregate(observations.AsEnumerable().Reverse(), AggregateDimension.Author, options);

        second.Select(c => (c.Group, c.BinStart, c.N, c.Estimate, c.Lower, c.Upper))
            .ShouldBe(first.Select(c => (c.Group, c.BinStart, c.N, c.Estimate, c.Lower, c.Upper)));
    }

    [Theory]
    [InlineData(0, 0.9, 2)]
    [InlineData(5, 1.0, 2)]
    [InlineData(5, 0.9, -1)]
    public void Aggregate_BadOptions_ThrowNamingTheOption(int thin, double level, double prior)
    {
        var options = new AggregationOptions { ThinThreshold = thin, IntervalLevel = level, PriorStrength = prior };

        Should.Throw<ArgumentOutOfRangeException>(() => StanceAggregator.Aggregate([], AggregateDimension.Target, options))
            .ParamName.ShouldNotBeNullOrEmpty();
    }
}
