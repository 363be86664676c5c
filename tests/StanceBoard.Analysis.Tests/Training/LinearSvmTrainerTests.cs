using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Analysis.Tests.Training;

public sealed class LinearSvmTrainerTests
{
    [Fact]
    public void TrainPath_FirstC_GivesTheSameWeightsAsAPlainFitAtThatC()
    {
        var data = Dataset();

        var path = LinearSvmTrainer.TrainPath(data, [0.1, 1, 10], [1, 1, 1], lambda: 1, tolerance: 0.1, maxIterations: 100, seed: 3);
        var single = LinearSvmTrainer.Train(data, 0.1, [1, 1, 1], lambda: 1, tolerance: 0.1, maxIterations: 100, seed: 3);

        // The path starts cold at its first C, so that step matches a plain fit; larger Cs move on from it.
        for (var cls = 0; cls < 3; cls++)
        {
            path[0][cls].ShouldBe(single[cls]);
            path[2][cls].ShouldNotBe(path[0][cls]);
        }
    }

    [Fact]
    public void Decision_SeparableData_PutsEachRowOnItsClassSide()
    {
        var data = Dataset();
        var layout = new FeatureLayout(data.Columns, data.Targets);

        var weights = LinearSvmTrainer.Train(data, 10, [1, 1, 1], lambda: 1, tolerance: 0.01, maxIterations: 1000, seed: 1);

        for (var r = 0; r < data.Rows; r++)
        {
            var start = data.RowStart[r];
            var cols = data.Cols.AsSpan(start, data.RowStart[r + 1] - start);
            var vals = data.Vals.AsSpan(start, cols.Length);
            var margins = new double[3];
            for (var c = 0; c < 3; c++)
            {
                margins[c] = LinearSvmTrainer.Decision(weights[c], layout, cols, vals, data.Target[r], 1);
            }

            Array.IndexOf(margins, margins.Max()).ShouldBe((int)data.Labels[r]);
        }
    }

    /// <summary>Nine rows, three per class, each class with its own feature plus a shared one; two targets.</summary>
    private static SparseDataset Dataset()
    {
        var rowStart = new List<int> { 0 };
        var cols = new List<int>();
        var vals = new List<float>();
        var target = new List<int>();
        var labels = new List<Stance>();
        for (var r = 0; r < 9; r++)
        {
            var label = r % 3;
            cols.AddRange([label, 3 + (r % 2)]);
            vals.AddRange([0.8f, 0.6f]);
            rowStart.Add(cols.Count);
            target.Add(r % 2);
            labels.Add((Stance)label);
        }

        return new SparseDataset(5, 2, [.. rowStart], [.. cols], [.. vals], [.. target], [.. labels], [0, 1, 2, 3, 4]);
    }
}
