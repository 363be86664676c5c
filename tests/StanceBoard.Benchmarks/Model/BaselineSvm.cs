using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Benchmarks.Model;

/// <summary>
/// The textbook baseline on ML.NET: <see cref="TfidfNgrams"/> features, then one linear SVM per
/// class against the rest (ML.NET <c>LinearSvm</c>: hinge loss, Pegasos-style updates, λ = 1 / (C · n)
/// as the equivalent of LIBLINEAR's C; scikit-learn's LinearSVC uses the squared hinge), no class
/// weights, the class with the highest margin wins. Pooled over targets, text only, as the
/// perspectrum reference was measured.
/// </summary>
internal static class BaselineSvm
{
    public static List<Stance> FitPredict(IReadOnlyList<LabelledExample> train, IReadOnlyList<LabelledExample> test, double c, int iterations = 50, int seed = 1)
    {
        var features = TfidfNgrams.Fit(train.Select(e => e.Text).ToArray());
        var context = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Dimension);
        var trainRows = train.Select(e => ToRow(features, e.Text)).ToArray();
        var testRows = test.Select(e => ToRow(features, e.Text)).ToArray();
        var classes = train.Select(e => e.Stance).Distinct().Order().ToArray();
        var margins = new float[test.Count][];
        for (var i = 0; i < test.Count; i++)
        {
            margins[i] = Enumerable.Repeat(float.NegativeInfinity, 3).ToArray();
        }

        foreach (var stance in classes.Length == 2 ? classes[1..] : classes)
        {
            for (var i = 0; i < trainRows.Length; i++)
            {
                trainRows[i].Label = train[i].Stance == stance;
            }

            var svm = context.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
            {
                Lambda = (float)(1.0 / (c * train.Count)),
                NumberOfIterations = iterations,
                PerformProjection = false,
            });
            var model = svm.Fit(context.Data.LoadFromEnumerable(trainRows, schema));
            var scores = model.Transform(context.Data.LoadFromEnumerable(testRows, schema)).GetColumn<float>("Score").ToArray();
            for (var i = 0; i < scores.Length; i++)
            {
                if (classes.Length == 2)
                {
                    margins[i][(int)classes[1]] = scores[i];
                    margins[i][(int)classes[0]] = -scores[i];
                }
                else
                {
                    margins[i][(int)stance] = scores[i];
                }
            }
        }

        return margins.Select(m => (Stance)Array.IndexOf(m, m.Max())).ToList();
    }

    private static Row ToRow(TfidfNgrams features, string text)
    {
        var (indices, values) = features.Transform(text);
        return new Row { Features = new VBuffer<float>(features.Dimension, indices.Length, values, indices) };
    }

    private sealed class Row
    {
        public VBuffer<float> Features { get; set; }

        public bool Label { get; set; }
    }
}
