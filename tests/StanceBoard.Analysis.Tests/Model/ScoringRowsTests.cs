using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Tests.Model;

public sealed class ScoringRowsTests
{
    // Two columns, one trained target: weights index ((column · 2) + copy) · 3 + class.
    private static readonly float[] Weights =
    [
        1, 2, 3, /* column 0 shared */ 10, 20, 30, /* column 0 target 0 */
        4, 5, 6, /* column 1 shared */ 40, 50, 60, /* column 1 target 0 */
    ];

    private static ScoringRows CreateSut() =>
        new(Weights, new Vocabulary([7, 9], [2f, 1f], hashBits: 12), copies: 2, lambda: 0.5f);

    [Fact]
    public void SlotOf_MostFrequentColumnFirst()
    {
        var sut = CreateSut();

        // Column 1 (bucket 9) has the lower IDF, so it takes slot 0.
        sut.SlotOf(9).ShouldBe(0);
        sut.SlotOf(7).ShouldBe(1);
        sut.SlotOf(8).ShouldBe(-1);
        sut.ColumnOf(0).ShouldBe(1);
        sut.Idf.ShouldBe([1f, 2f]);
    }

    [Fact]
    public void Row_TrainedTarget_AddsLambdaTimesItsOwnWeightsAndCarriesTheIdf()
    {
        CreateSut().Row(0).ShouldBe([4 + 20f, 5 + 25f, 6 + 30f, 1f, 1 + 5f, 2 + 10f, 3 + 15f, 2f]);
    }

    [Fact]
    public void Row_UntrainedTarget_IsTheSharedWeights()
    {
        CreateSut().Row(-1).ShouldBe([4f, 5f, 6f, 1f, 1f, 2f, 3f, 2f]);
    }
}
