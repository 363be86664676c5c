using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Training;

/// <summary>
/// Training rows in compressed sparse row form: the L2-normalised feature vector of each
/// example, its target index and its label. The target-conditioned copies of the features are
/// implicit (see <see cref="LinearSvmTrainer"/>), so they cost no memory. Column j is the
/// vocabulary's column <c>VocabularyColumn[j]</c> (the most frequent features first).
/// </summary>
internal sealed class SparseDataset
{
    public SparseDataset(int columns, int targets, int[] rowStart, int[] cols, float[] vals, int[] target, Stance[] labels, int[] vocabularyColumn)
    {
        VocabularyColumn = vocabularyColumn;
        Columns = columns;
        Targets = targets;
        RowStart = rowStart;
        Cols = cols;
        Vals = vals;
        Target = target;
        Labels = labels;
        SquaredNorm = new float[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            double sum = 0;
            for (var k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                sum += vals[k] * vals[k];
            }

            SquaredNorm[i] = (float)sum;
        }
    }

    public int Columns { get; }

    public int Targets { get; }

    public int Rows => Labels.Length;

    public int[] RowStart { get; }

    public int[] Cols { get; }

    public float[] Vals { get; }

    public int[] Target { get; }

    public Stance[] Labels { get; }

    public float[] SquaredNorm { get; }

    /// <summary>The vocabulary column of each of the dataset's columns.</summary>
    public int[] VocabularyColumn { get; }

    /// <summary>Weights over this dataset's columns (see <see cref="FeatureLayout"/>) renumbered to the vocabulary's columns.</summary>
    public double[] ToVocabularyOrder(double[] weights)
    {
        var layout = new FeatureLayout(Columns, Targets);
        var result = new double[weights.Length];
        for (var j = 0; j < Columns; j++)
        {
            Array.Copy(weights, layout.Index(j, 0), result, layout.Index(VocabularyColumn[j], 0), layout.Copies);
        }

        Array.Copy(weights, layout.Bias(0), result, layout.Bias(0), layout.Copies);
        return result;
    }
}
