using StanceBoard.Analysis.Aggregation;

namespace StanceBoard.Analysis.Tests.Aggregation;

public sealed class StanceFilterTests
{
    [Fact]
    public void Apply_DateRange_IsInclusiveAndDropsUndated()
    {
        var observations = new[]
        {
            Observations.Make(1, 0.5, published: "2020-09-30"),
            Observations.Make(2, 0.5, published: "2020-10-01"),
            Observations.Make(3, 0.5, published: "2020-10-31"),
            Observations.Make(4, 0.5, published: "2020-11-01"),
            Observations.Make(5, 0.5, published: null),
        };
        var filter = new StanceFilter { From = new DateOnly(2020, 10, 1), To = new DateOnly(2020, 10, 31) };

        filter.Apply(observations).Select(o => o.PieceId).ShouldBe([2L, 3L]);
    }

    [Fact]
    public void Apply_NoDateRange_KeepsUndated()
    {
        var observations = new[] { Observations.Make(5, 0.5, published: null) };

        StanceFilter.All.Apply(observations).Count().ShouldBe(1);
    }

    [Fact]
    public void Apply_Names_CompareCaseInsensitivelyAndDropMissing()
    {
        var observations = new[]
        {
            Observations.Make(1, 0.5, author: "Ann Author", target: "Turkey"),
            Observations.Make(2, 0.5, author: "Bob Writer", target: "Turkey"),
            Observations.Make(3, 0.5, author: null, target: "Turkey"),
            Observations.Make(4, 0.5, author: "ann author", target: "Russia"),
        };
        var filter = new StanceFilter { Authors = ["ANN AUTHOR"], Targets = ["turkey"] };

        filter.Apply(observations).Select(o => o.PieceId).ShouldBe([1L]);
    }
}
