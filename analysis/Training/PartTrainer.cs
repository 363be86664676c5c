using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Training;

/// <summary>
/// The ML.NET chain of one model part: <c>FeaturizeText</c> (n-grams) → <c>Concatenate</c> with
/// the dense block → <c>AppendCacheCheckpoint</c> → <c>LbfgsMaximumEntropy</c> (L1 = 0, L2 = λ,
/// example weights). The label's key mapping is fitted with all three stances and applied before
/// the chain, not inside it, so the saved model needs no label column to predict and its scores
/// are always (none, favor, against).
/// </summary>
internal sealed class PartTrainer(int seed, bool dense, int denseDimension, float tolerance)
{
    private const string FeaturesColumn = "Features";

    /// <summary>A fresh context per fit: two fits in one seeded context differ (its random stream advances).</summary>
    public MLContext NewContext() => new(seed);

    public IDataView Load(MLContext context, IEnumerable<ModelInput> rows)
    {
        var data = context.Data.LoadFromEnumerable(rows, ModelPart.Schema(denseDimension));
        var keys = context.Data.LoadFromEnumerable(new[] { "none", "favor", "against" }.Select(l => new LabelRow { Label = l }));
        return context.Transforms.Conversion.MapValueToKey(ModelInput.LabelColumn, ModelInput.LabelColumn, keyData: keys).Fit(data).Transform(data);
    }

    public IEstimator<ITransformer> Featurizer(MLContext context)
    {
        var ngrams = NgramFeaturizer.Estimator(context);
        return dense
            ? ngrams.Append(context.Transforms.Concatenate(FeaturesColumn, NgramFeaturizer.OutputColumn, ModelInput.DenseColumn))
            : ngrams.Append(context.Transforms.CopyColumns(FeaturesColumn, NgramFeaturizer.OutputColumn));
    }

    public IEstimator<ITransformer> Trainer(MLContext context, double l2) =>
        context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = ModelInput.LabelColumn,
            FeatureColumnName = FeaturesColumn,
            ExampleWeightColumnName = ModelInput.WeightColumn,
            L1Regularization = 0,
            L2Regularization = (float)l2,
            OptimizationTolerance = tolerance,
        });

    /// <summary>Fits the whole chain on <paramref name="rows"/>.</summary>
    public ModelPart Fit(IReadOnlyList<ModelInput> rows, double l2)
    {
        var context = NewContext();
        var data = Load(context, rows);
        var model = Featurizer(context).AppendCacheCheckpoint(context).Append(Trainer(context, l2)).Fit(data);
        return new ModelPart(context, model, denseDimension);
    }

    /// <summary>Fits the featurizer once and the classifier for each λ, scoring <paramref name="test"/> with each: the inner loop of choosing λ.</summary>
    public List<float[][]> FitAndScore(IReadOnlyList<ModelInput> train, IReadOnlyList<ModelInput> test, IReadOnlyList<double> lambdas, CancellationToken cancellationToken)
    {
        var context = NewContext();
        var data = Load(context, train);
        var featurizer = Featurizer(context).Fit(data);
        var features = context.Data.Cache(featurizer.Transform(data));
        var testData = featurizer.Transform(Load(context, test));
        var result = new List<float[][]>(lambdas.Count);
        foreach (var l2 in lambdas)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var classifier = Trainer(context, l2).Fit(features);
            result.Add(ReadScores(classifier.Transform(testData), test.Count));
        }

        return result;
    }

    private static float[][] ReadScores(IDataView scored, int count)
    {
        var result = new float[count][];
        var column = scored.Schema["Score"];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        var i = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            var p = new float[3];
            buffer.CopyTo(p);
            result[i++] = p;
        }

        return result;
    }

    private sealed class LabelRow
    {
        public string Label { get; set; } = "";
    }
}
