using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Analysis.Tests.Featurization;

public sealed class VocabularyTests
{
    [Fact]
    public void ColumnOf_KeptBucket_IsItsRankAndAPrunedBucketIsMinusOne()
    {
        int[] buckets = [3, 64, 65, 200, 4095];
        var sut = new Vocabulary(buckets, [1f, 1f, 1f, 1f, 1f], hashBits: 12);

        Enumerable.Range(0, 4096).Select(sut.ColumnOf).ShouldBe(
            Enumerable.Range(0, 4096).Select(b => Array.IndexOf(buckets, b)));
    }

    [Fact]
    public void Constructor_UnsortedBuckets_Throws()
    {
        Should.Throw<ArgumentException>(() => new Vocabulary([5, 3], [1f, 1f], hashBits: 12));
    }

    [Fact]
    public void FrequencyOrder_LowestIdfFirstAndTiesByColumn()
    {
        var sut = new Vocabulary([1, 2, 3, 4], [2.5f, 1.1f, 2.5f, 1.7f], hashBits: 12);

        sut.FrequencyOrder().ShouldBe([1, 3, 0, 2]);
    }
}
