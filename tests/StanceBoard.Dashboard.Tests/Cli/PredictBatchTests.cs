using Shouldly;
using StanceBoard.Analysis.Data;
using StanceBoard.Dashboard.Cli;
using Xunit;

namespace StanceBoard.Dashboard.Tests.Cli;

public sealed class PredictBatchTests
{
    private static List<LabelledExample> Rows(params int[] lengths) =>
        lengths.Select(n => new LabelledExample { Text = new string('x', n), Target = "Russia", Stance = Analysis.Model.Stance.None }).ToList();

    [Fact]
    public void BatchLength_ShortRows_StopsAtTheRowLimit()
    {
        var rows = Rows(Enumerable.Repeat(10, ModelSource.BatchSize + 5).ToArray());

        ModelSource.BatchLength(rows, 0).ShouldBe(ModelSource.BatchSize);
        ModelSource.BatchLength(rows, ModelSource.BatchSize).ShouldBe(5);
    }

    [Fact]
    public void BatchLength_LongRows_StopsBeforeTheRowThatPassesTheCharacterLimit()
    {
        var third = ModelSource.BatchCharacters / 3;
        var rows = Rows(third, third, third, third, third);

        ModelSource.BatchLength(rows, 0).ShouldBe(3);
        ModelSource.BatchLength(rows, 3).ShouldBe(2);
    }

    [Fact]
    public void BatchLength_OneRowLongerThanTheLimit_IsABatchOfItsOwn()
    {
        var rows = Rows(ModelSource.BatchCharacters * 2, 5, 5);

        ModelSource.BatchLength(rows, 0).ShouldBe(1);
        ModelSource.BatchLength(rows, 1).ShouldBe(2);
    }
}
