using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Analysis.Tests.Featurization;

public sealed class VectorBuilderTests
{
    [Fact]
    public void Build_DocumentOnly_IsSublinearTfIdfL2Normalised()
    {
        var sut = new VectorBuilder(3);
        sut.AddDocument(0, 2);
        sut.AddDocument(2, 1);

        var (cols, vals) = sut.Build([1f, 5f, 2f], new FeaturizerOptions(), hasContext: false);

        var a = 1 + Math.Log(2);
        var b = 2.0;
        var norm = Math.Sqrt((a * a) + (b * b));
        cols.ShouldBe([0, 2]);
        vals[0].ShouldBe((float)(a / norm), 1e-6f);
        vals[1].ShouldBe((float)(b / norm), 1e-6f);
    }

    [Fact]
    public void Build_WithContext_MixesTheNormalisedPartsByTheContextWeight()
    {
        var sut = new VectorBuilder(2);
        sut.AddDocument(0, 1);
        sut.AddDocument(1, 1);
        sut.AddContext(1, 1);

        var (_, vals) = sut.Build([1f, 1f], new FeaturizerOptions { ContextWeight = 0.6 }, hasContext: true);

        // document (1, 1)/√2 weighted 0.4, context (0, 1) weighted 0.6, then normalised.
        var x = 0.4 / Math.Sqrt(2);
        var y = (0.4 / Math.Sqrt(2)) + 0.6;
        var norm = Math.Sqrt((x * x) + (y * y));
        vals[0].ShouldBe((float)(x / norm), 1e-6f);
        vals[1].ShouldBe((float)(y / norm), 1e-6f);
    }

    [Fact]
    public void Clear_LeavesNoTraceForTheNextText()
    {
        var sut = new VectorBuilder(2);
        sut.AddDocument(0, 3);
        sut.Clear();
        sut.AddDocument(1, 1);

        var (cols, vals) = sut.Build([1f, 1f], new FeaturizerOptions(), hasContext: false);

        cols.ShouldBe([1]);
        vals.ShouldBe([1f]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(2000)]
    public void ScoreAndClear_EqualsTheBuiltVectorDottedWithTheWeights(int repeats)
    {
        // Counts of 1, of several and past the sublinear table all score as Build normalises them.
        float[] idf = [1.5f, 2f, 0.5f];
        float[] row = [1, -2, 0.5f, idf[0], 0.25f, 3, -1, idf[1], -4, 1, 2, idf[2]];
        var sut = new VectorBuilder(3);
        var reference = new VectorBuilder(3);
        foreach (var builder in new[] { sut, reference })
        {
            for (var k = 0; k < repeats; k++)
            {
                builder.AddDocument(2, 1);
            }

            builder.AddDocument(0, 1);
        }

        var (cols, vals) = reference.Build(idf, new FeaturizerOptions(), hasContext: false);
        var sums = new double[3];
        sut.ScoreAndClear(row, sublinear: true, sums);

        for (var c = 0; c < 3; c++)
        {
            var expected = cols.Select((col, k) => vals[k] * row[(col * 4) + c]).Sum();
            sums[c].ShouldBe(expected, 1e-5);
        }

        sut.Count.ShouldBe(0);
        sut.DocumentCount(2).ShouldBe(0f);
    }

    [Fact]
    public void AddDocumentSpan_CountsLikeOneByOneInTheSameOrder()
    {
        int[] columns = [4, 1, 4, 0, 1, 4];
        var sut = new VectorBuilder(5);
        var reference = new VectorBuilder(5);

        sut.AddDocument(columns.AsSpan(0, 3));
        sut.AddDocument(columns.AsSpan(3));
        foreach (var col in columns)
        {
            reference.AddDocument(col, 1);
        }

        float[] idf = [1, 2, 3, 4, 5];
        var (cols, vals) = sut.Build(idf, new FeaturizerOptions(), hasContext: false);
        var (refCols, refVals) = reference.Build(idf, new FeaturizerOptions(), hasContext: false);
        cols.ShouldBe(refCols);
        cols.ShouldBe([4, 1, 0]);
        vals.ShouldBe(refVals);
        sut.DocumentCount(4).ShouldBe(3f);
    }
}
