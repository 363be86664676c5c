using StanceBoard.Analysis.Aggregation;
using static StanceBoard.Analysis.Tests.Aggregation.Observations;

namespace StanceBoard.Analysis.Tests.Aggregation;

public sealed class ObservationSnapshotTests
{
    private static List<StanceObservation> Sample() =>
    [
        Make(1, 0.6, "Russia", "Ann Author"),
        Make(1, 0.6, "Russia", "Bo Author"),
        Make(2, -0.4, "Turkey", "Ann Author", published: "2020-11-02"),
        Make(3, 0.1, "Russia", "Cy Author", outlet: "Outlet B", published: "2020-10-20"),
        Make(4, -0.9, "Turkey", null, published: null),
        Make(5, 0.3, "Azerbaijan", "Bo Author", published: "2020-12-01"),
    ];

    private static IEnumerable<string> Figures(IEnumerable<StanceAggregate> aggregates) =>
        aggregates.Select(a => $"{a.Target}|{a.Group}|{a.BinStart}|{a.N}|{a.Estimate:R}|{a.Lower:R}|{a.Upper:R}|{a.Favor}/{a.None}/{a.Against}|{string.Join(",", a.ModelVersions)}");

    private static ObservationSnapshot CreateSut(StanceFilter? filter = null) => new(Sample(), filter ?? StanceFilter.All);

    [Theory]
    [InlineData(AggregateDimension.Target, TimeBin.None)]
    [InlineData(AggregateDimension.Target, TimeBin.Week)]
    [InlineData(AggregateDimension.Author, TimeBin.None)]
    [InlineData(AggregateDimension.Outlet, TimeBin.Month)]
    public void Aggregate_Snapshot_SameFiguresAsThePlainList(AggregateDimension dimension, TimeBin bin)
    {
        var options = AggregationOptions.Default with { Bin = bin };

        var fromSnapshot = StanceAggregator.Aggregate(CreateSut(), dimension, options);

        Figures(fromSnapshot).ShouldBe(Figures(StanceAggregator.Aggregate(Sample(), dimension, options)));
    }

    [Fact]
    public void Aggregate_SameSnapshotAskedAgain_ComputesOnceAndSharesTheResult()
    {
        var snapshot = CreateSut();

        var first = StanceAggregator.Aggregate(snapshot, AggregateDimension.Author);
        var second = StanceAggregator.Aggregate(snapshot, AggregateDimension.Author, AggregationOptions.Default with { });
        var other = StanceAggregator.Aggregate(snapshot, AggregateDimension.Target);

        second.ShouldBeSameAs(first);
        other.ShouldNotBeSameAs(first);
        snapshot.Computations.ShouldBe(2);
    }

    [Fact]
    public void Aggregate_ConcurrentCallers_ComputeOnce()
    {
        var snapshot = CreateSut();

        var results = Enumerable.Range(0, 16).AsParallel().Select(_ => StanceAggregator.Aggregate(snapshot, AggregateDimension.Outlet)).ToList();

        results.Distinct().Count().ShouldBe(1);
        snapshot.Computations.ShouldBe(1);
    }

    [Fact]
    public void Append_NewObservations_GivesALargerSnapshotThatComputesAfresh()
    {
        var snapshot = CreateSut(new StanceFilter { Targets = ["Russia"] });
        StanceAggregator.Aggregate(snapshot, AggregateDimension.Target);

        var grown = snapshot.Append([Make(9, -0.5, "Russia"), Make(10, 0.5, "Turkey")]);

        snapshot.Count.ShouldBe(3);
        grown.Count.ShouldBe(4, "only observations that pass the snapshot's filter are added");
        StanceAggregator.Aggregate(grown, AggregateDimension.Target).Single().N.ShouldBe(3);
        grown.Computations.ShouldBe(1);
        snapshot.Append([Make(11, 0.2, "Turkey")]).ShouldBeSameAs(snapshot);
    }

    [Fact]
    public void IsSelectedBy_SameBoundsAndNamesInOrder_OnlyThen()
    {
        var snapshot = CreateSut(new StanceFilter { From = new DateOnly(2020, 10, 1), Targets = ["Russia", "Turkey"] });

        snapshot.IsSelectedBy(new StanceFilter { From = new DateOnly(2020, 10, 1), Targets = ["Russia", "Turkey"] }).ShouldBeTrue();
        snapshot.IsSelectedBy(new StanceFilter { From = new DateOnly(2020, 10, 1), Targets = ["Turkey", "Russia"] }).ShouldBeFalse();
        snapshot.IsSelectedBy(new StanceFilter { Targets = ["Russia", "Turkey"] }).ShouldBeFalse();
    }

    [Fact]
    public void GetOrCompute_ComputationThrows_IsNotRemembered()
    {
        var snapshot = CreateSut();
        var calls = 0;

        Should.Throw<InvalidOperationException>(() => snapshot.GetOrCompute<string>("k", _ => ++calls == 1 ? throw new InvalidOperationException() : "ok"));

        snapshot.GetOrCompute<string>("k", _ => ++calls == 1 ? throw new InvalidOperationException() : "ok").ShouldBe("ok");
    }
}
