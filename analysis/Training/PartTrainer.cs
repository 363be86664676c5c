using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Training;

/// <summary>
/// The ML.NET chain of a model: <c>FeaturizeText</c> (n-grams) → <c>Concatenate</c> with the dense
/// block, fitted once on every training row and shared by all parts; then per part the slots
/// its rows use (<c>SelectFeaturesBasedOnCount</c>) → <c>LbfgsMaximumEntropy</c> (L1 = 0, L2 = λ,
/// example weights) on the cached feature vectors.
/// The label's key mapping is fitted with all three stances and applied before the classifier,
/// not inside the chain, so the saved model needs no label column to predict and its scores are
/// always (none, favor, against).
/// </summary>
internal sealed class PartTrainer(StanceModelTrainerOptions options, bool dense, int denseDimension)
{
    private const string FeaturesColumn = "Features";

    /// <summary>A fresh context per fit: two fits in one seeded context differ (its random stream advances).</summary>
    public MLContext NewContext() => new(options.Seed);

    public IDataView Load(MLContext context, IEnumerable<ModelInput> rows) =>
        MapLabel(context, context.Data.LoadFromEnumerable(rows, ModelPart.Schema(denseDimension)));

    public IEstimator<ITransformer> Featurizer(MLContext context)
    {
        var ngrams = NgramFeaturizer.Estimator(context, options);
        return dense
            ? ngrams.Append(context.Transforms.Concatenate(FeaturesColumn, NgramFeaturizer.OutputColumn, ModelInput.DenseColumn))
            : ngrams.Append(context.Transforms.CopyColumns(FeaturesColumn, NgramFeaturizer.OutputColumn));
    }

    /// <summary>The classifier of <see cref="StanceModelTrainerOptions.Classifier"/> for L2 strength <paramref name="l2"/> on rows whose weights sum to <paramref name="weightSum"/>.</summary>
    public IEstimator<ITransformer> Trainer(MLContext context, double l2, double weightSum) => options.ResolvedClassifier switch
    {
        StanceClassifier.SdcaMaximumEntropy => context.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = ModelInput.LabelColumn,
            FeatureColumnName = FeaturesColumn,
            ExampleWeightColumnName = ModelInput.WeightColumn,
            L1Regularization = 0,
            L2Regularization = (float)(l2 / Math.Max(1, weightSum)),
            MaximumNumberOfIterations = options.MaximumIterations,
            NumberOfThreads = 1,
            Shuffle = true,
        }),
        StanceClassifier.LinearSvmOneVersusAll => context.MulticlassClassification.Trainers.OneVersusAll(
            context.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
            {
                LabelColumnName = ModelInput.LabelColumn,
                FeatureColumnName = FeaturesColumn,
                ExampleWeightColumnName = ModelInput.WeightColumn,
                Lambda = (float)(l2 / Math.Max(1, weightSum)),
                NumberOfIterations = options.MaximumIterations,
            }),
            ModelInput.LabelColumn,
            useProbabilities: true),
        _ => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = ModelInput.LabelColumn,
            FeatureColumnName = FeaturesColumn,
            ExampleWeightColumnName = ModelInput.WeightColumn,
            L1Regularization = 0,
            L2Regularization = (float)l2,
            OptimizationTolerance = options.OptimizationTolerance,
            HistorySize = options.HistorySize,
            NumberOfThreads = options.NumberOfThreads,
        }),
    };

    /// <summary>
    /// Fits the featurizer on every row and reads each row's feature vector once. The fitted featurizer
    /// transforms the rows in one batch per core at the same time (a fitted ML.NET transformer is safe to
    /// share; the rows' order in the vectors is theirs).
    /// </summary>
    public FeaturizedRows Featurize(IReadOnlyList<ModelInput> rows, CancellationToken cancellationToken)
    {
        var context = NewContext();
        var schema = ModelPart.Schema(denseDimension);
        var input = context.Data.LoadFromEnumerable(rows, schema);
        var featurizer = Featurizer(context).Fit(input);
        var column = featurizer.GetOutputSchema(input.Schema)[FeaturesColumn];
        var vectors = new VBuffer<float>[rows.Count];
        var batches = Math.Max(1, Math.Min(Environment.ProcessorCount, rows.Count / 1000));
        var size = (rows.Count + batches - 1) / batches;
        try
        {
            Parallel.For(0, batches, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = batches }, b =>
            {
                var start = b * size;
                var count = Math.Min(size, rows.Count - start);
                var batch = context.Data.LoadFromEnumerable(Slice(rows, start, count), schema);
                var transformed = featurizer.Transform(batch);
                using var cursor = transformed.GetRowCursor([transformed.Schema[FeaturesColumn]]);
                var getter = cursor.GetGetter<VBuffer<float>>(transformed.Schema[FeaturesColumn]);
                var buffer = default(VBuffer<float>);
                var i = start;
                while (cursor.MoveNext())
                {
                    if ((i & 1023) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    getter(ref buffer);
                    buffer.CopyTo(ref vectors[i++]);
                }
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count >= 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        return new FeaturizedRows(context, featurizer, input.Schema, vectors, ((VectorDataViewType)column.Type).Size);
    }

    private static IEnumerable<ModelInput> Slice(IReadOnlyList<ModelInput> rows, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            yield return rows[i];
        }
    }

    /// <summary>Fits one part's classifier on <paramref name="rows"/> (featurized vectors with their weights).</summary>
    /// <remarks>The classifier is fitted in a fresh context of its own, so parts can be fitted at the same time and each part's fit does not depend on the others'.</remarks>
    public ModelPart Fit(FeaturizedRows featurized, IReadOnlyList<FeatureRow> rows, double l2)
    {
        var context = NewContext();
        var (selector, selected) = Select(context, featurized, rows);
        var classifier = Trainer(context, l2, rows.Sum(r => (double)r.Weight)).Fit(selected);
        return new ModelPart(featurized.Context, featurized.Featurizer, new TransformerChain<ITransformer>(selector, classifier), denseDimension);
    }

    /// <summary>
    /// The slots of the shared feature vector that <paramref name="rows"/> use (a target's rows use a
    /// fraction of the vocabulary of all rows): L-BFGS's cost grows with the vector's length, and an
    /// n-gram no training row has would get a weight of zero anyway.
    /// </summary>
    private (ITransformer Selector, IDataView Selected) Select(MLContext context, FeaturizedRows featurized, IReadOnlyList<FeatureRow> rows)
    {
        var data = LoadFeatures(context, featurized, rows);
        var selector = context.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(FeaturesColumn, FeaturesColumn, count: options.MinNgramRows).Fit(data);
        return (selector, context.Data.Cache(selector.Transform(data)));
    }

    /// <summary>
    /// Fits the classifier for each λ on <paramref name="train"/> and scores <paramref name="test"/>
    /// with each: the inner loop of choosing λ. It runs in a context of its own, so folds can be
    /// fitted at the same time (they read the shared feature vectors only).
    /// </summary>
    public List<float[][]> FitAndScore(FeaturizedRows featurized, IReadOnlyList<FeatureRow> train, IReadOnlyList<FeatureRow> test, IReadOnlyList<double> lambdas, CancellationToken cancellationToken)
    {
        var context = NewContext();
        var (selector, features) = Select(context, featurized, train);
        var testData = selector.Transform(LoadFeatures(context, featurized, test));
        var result = new List<float[][]>(lambdas.Count);
        foreach (var l2 in lambdas)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var classifier = Trainer(context, l2, train.Sum(r => (double)r.Weight)).Fit(features);
            result.Add(ModelPart.ReadScores(classifier.Transform(testData), test.Count));
        }

        return result;
    }

    private static IDataView LoadFeatures(MLContext context, FeaturizedRows featurized, IReadOnlyList<FeatureRow> rows)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featurized.Size);
        return MapLabel(context, context.Data.LoadFromEnumerable(rows, schema));
    }

    private static IDataView MapLabel(MLContext context, IDataView data)
    {
        var keys = context.Data.LoadFromEnumerable(new[] { "none", "favor", "against" }.Select(l => new LabelRow { Label = l }));
        return context.Transforms.Conversion.MapValueToKey(ModelInput.LabelColumn, ModelInput.LabelColumn, keyData: keys).Fit(data).Transform(data);
    }

    private sealed class LabelRow
    {
        public string Label { get; set; } = "";
    }
}
