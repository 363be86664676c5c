using System.Diagnostics;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Evaluation;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Training;

/// <summary>
/// Trains a <see cref="StanceClassifier"/>: the estimator of the stance model, shaped like an
/// ML.NET trainer (<see cref="Fit"/> returns an immutable model).
/// </summary>
/// <remarks>
/// <para>
/// <b>Why a linear SVM solved by dual coordinate descent.</b> Stance data are small (hundreds to
/// tens of thousands of texts) and the features are many, sparse and L2-normalised n-grams. In
/// that regime a linear SVM is the strongest classical learner (the SemEval-2016 stance task's
/// SVM-ngrams baseline beat every neural entry but one), and the dual coordinate-descent solver
/// (LIBLINEAR) reaches LIBLINEAR's tolerance in a few passes with no learning rate, line search
/// or feature scaling to tune, each step costing one sparse dot product. Multinomial logistic
/// regression would give probabilities directly but needs many more passes (L-BFGS) or a
/// step-size schedule (SGD); the SVM's margins are instead turned into probabilities by
/// multiclass Platt scaling fitted on out-of-fold margins, which the cross-validation that
/// chooses C produces anyway.
/// </para>
/// <para>
/// Steps: (1) each example is tokenized and hashed once; (2) for each of k grouped, stratified
/// folds a vocabulary and IDF are fitted on the training part only, and one-vs-rest SVMs are
/// trained for every candidate C, giving out-of-fold margins; (3) the C with the best f_avg
/// wins and a calibrator is fitted on its margins; (4) the final model is fitted on all data.
/// Classes are weighted n / (k · n_class) by default. Everything random is seeded.
/// </para>
/// </remarks>
public sealed class StanceTrainer
{
    /// <summary>Creates a trainer; <paramref name="options"/> are validated and copied by reference.</summary>
    public StanceTrainer(StanceTrainerOptions? options = null)
    {
        Options = options ?? new StanceTrainerOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public StanceTrainerOptions Options { get; }

    /// <summary>Fits a model to <paramref name="examples"/>.</summary>
    /// <exception cref="ArgumentException">There are no examples.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public StanceClassifier Fit(IReadOnlyList<LabelledExample> examples, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("There are no training examples.", nameof(examples));
        }

        var featurizer = Options.Featurizer.Clone();
        var (known, trained, targetOf) = ResolveTargets(examples);
        progress?.Report(new TrainingProgress("featurizing", 0));
        var (hashed, maxSentences) = Hash(examples, featurizer, known, trained, targetOf, cancellationToken);
        var classWeights = ClassWeights(examples);
        var builder = new DatasetBuilder(featurizer);
        var lambda = featurizer.TargetCopyWeight;

        var candidates = Options.C is { } fixedC ? [fixedC] : Options.CandidateC.Order().ToArray();
        var folds = Options.CrossValidationFolds >= 2 ? FoldAssigner.Assign(examples, Options.CrossValidationFolds, Options.Seed) : null;
        var chosenC = candidates[0];
        var calibrator = ProbabilityCalibrator.Identity;
        StanceMetrics? cvMetrics = null;
        var foldCount = 0;
        if (folds is not null)
        {
            foldCount = folds.Max() + 1;
            var margins = CrossValidate(hashed, folds, foldCount, candidates, classWeights, trained.Count, builder, lambda, progress, cancellationToken);
            var best = -1;
            (double FAvg, double Macro) bestScore = (-1, -1);
            for (var k = 0; k < candidates.Length; k++)
            {
                var metrics = Score(examples, margins[k], trained, targetOf);
                var score = (metrics.FAvg, metrics.MacroF1);
                if (score.FAvg > bestScore.FAvg + 1e-9 || (Math.Abs(score.FAvg - bestScore.FAvg) <= 1e-9 && score.MacroF1 > bestScore.Macro + 1e-9))
                {
                    best = k;
                    bestScore = score;
                    cvMetrics = metrics;
                }
            }

            chosenC = candidates[best];
            calibrator = CalibratorFitter.Fit(
                margins[best],
                examples.Select(e => (int)e.Stance).ToArray(),
                examples.Select(e => classWeights[(int)e.Stance]).ToArray());
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new TrainingProgress("fitting", 0.9));
        var all = Enumerable.Range(0, hashed.Length).ToArray();
        var vocabulary = builder.Vocabulary(hashed, all);
        var dataset = builder.Build(hashed, all, vocabulary, trained.Count);
        var weights = LinearSvmTrainer.Train(dataset, chosenC, classWeights, lambda, Options.Tolerance, Options.MaxIterations, Options.Seed)
            .Select(dataset.ToVocabularyOrder)
            .ToArray();
        var summary = new TrainingSummary
        {
            Examples = examples.Count,
            Targets = trained.Select(t => t.Name).ToArray(),
            ClassCounts = [Count(examples, Stance.Favor), Count(examples, Stance.Against), Count(examples, Stance.None)],
            C = chosenC,
            CrossValidationFolds = foldCount,
            CrossValidation = cvMetrics,
            DataHash = TrainingDataHash.Compute(examples),
            Seed = Options.Seed,
            Features = vocabulary.Count,
            MaxSentences = maxSentences,
        };
        var version = Options.Version ?? ModelVersion.Derive(summary, featurizer);
        progress?.Report(new TrainingProgress("done", 1));
        return StanceClassifier.Create(version, featurizer, known, trained, vocabulary, weights, calibrator, summary);
    }

    private (List<TargetDefinition> Known, List<TargetDefinition> Trained, int[] TargetOf) ResolveTargets(IReadOnlyList<LabelledExample> examples)
    {
        var known = new List<TargetDefinition>();
        var byName = new Dictionary<string, TargetDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in Options.Targets)
        {
            if (byName.TryAdd(definition.Name, definition))
            {
                known.Add(definition);
            }
        }

        var trainedNames = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var example in examples)
        {
            var name = example.Target.Trim();
            if (!byName.ContainsKey(name))
            {
                var definition = new TargetDefinition(name, []);
                byName[name] = definition;
                known.Add(definition);
            }

            trainedNames.Add(byName[name].Name);
        }

        var trained = trainedNames.Select(n => byName[n]).ToList();
        var index = trained.Select((t, i) => (t.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.OrdinalIgnoreCase);
        var targetOf = examples.Select(e => index[e.Target.Trim()]).ToArray();
        return (known, trained, targetOf);
    }

    private static (HashedExample[] Hashed, int MaxSentences) Hash(
        IReadOnlyList<LabelledExample> examples,
        FeaturizerOptions featurizer,
        List<TargetDefinition> known,
        List<TargetDefinition> trained,
        int[] targetOf,
        CancellationToken cancellationToken)
    {
        var catalog = new TargetCatalog(known);
        var hasher = new DocumentHasher(featurizer);
        var hashed = new HashedExample[examples.Count];
        var maxSentences = 1;
        for (var i = 0; i < examples.Count; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var document = StanceDocument.Create(examples[i].Text, catalog);
            maxSentences = Math.Max(maxSentences, document.Sentences.Count);
            var (doc, ctx) = hasher.Hash(document.Tokens, trained[targetOf[i]].Name);
            hashed[i] = new HashedExample(doc, ctx, targetOf[i], examples[i].Stance);
        }

        return (hashed, maxSentences);
    }

    private List<double[]>[] CrossValidate(
        HashedExample[] hashed,
        int[] folds,
        int foldCount,
        double[] candidates,
        double[] classWeights,
        int targets,
        DatasetBuilder builder,
        double lambda,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var margins = new double[candidates.Length][][];
        for (var k = 0; k < candidates.Length; k++)
        {
            margins[k] = new double[hashed.Length][];
        }

        var layoutMargins = new double[3];
        for (var f = 0; f < foldCount; f++)
        {
            var train = Enumerable.Range(0, hashed.Length).Where(i => folds[i] != f).ToArray();
            var test = Enumerable.Range(0, hashed.Length).Where(i => folds[i] == f).ToArray();
            var vocabulary = builder.Vocabulary(hashed, train);
            var order = vocabulary.FrequencyOrder();
            var trainSet = builder.Build(hashed, train, vocabulary, targets, order);
            var testSet = builder.Build(hashed, test, vocabulary, targets, order);
            var layout = new FeatureLayout(vocabulary.Count, targets);
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new TrainingProgress($"cross-validating fold {f + 1}/{foldCount}", 0.9 * f / foldCount));
            var path = LinearSvmTrainer.TrainPath(trainSet, candidates, classWeights, lambda, Options.Tolerance, Options.MaxIterations, Options.Seed + f + 1);
            for (var k = 0; k < candidates.Length; k++)
            {
                var weights = path[k];
                for (var r = 0; r < test.Length; r++)
                {
                    var start = testSet.RowStart[r];
                    var cols = testSet.Cols.AsSpan(start, testSet.RowStart[r + 1] - start);
                    var vals = testSet.Vals.AsSpan(start, cols.Length);
                    for (var c = 0; c < 3; c++)
                    {
                        layoutMargins[c] = LinearSvmTrainer.Decision(weights[c], layout, cols, vals, testSet.Target[r], lambda);
                    }

                    margins[k][test[r]] = [.. layoutMargins];
                }
            }
        }

        return margins.Select(m => m.ToList()).ToArray();
    }

    private static StanceMetrics Score(IReadOnlyList<LabelledExample> examples, List<double[]> margins, List<TargetDefinition> trained, int[] targetOf) =>
        StanceEvaluator.Evaluate(examples.Select((e, i) => (trained[targetOf[i]].Name, e.Stance, ArgMax(margins[i]))));

    private static Stance ArgMax(double[] margins)
    {
        var best = 0;
        for (var c = 1; c < 3; c++)
        {
            if (margins[c] > margins[best])
            {
                best = c;
            }
        }

        return (Stance)best;
    }

    private double[] ClassWeights(IReadOnlyList<LabelledExample> examples)
    {
        var weights = new double[] { 1, 1, 1 };
        if (Options.ClassWeighting == ClassWeighting.None)
        {
            return weights;
        }

        var present = Enum.GetValues<Stance>().Where(s => Count(examples, s) > 0).ToArray();
        foreach (var stance in present)
        {
            weights[(int)stance] = (double)examples.Count / (present.Length * Count(examples, stance));
        }

        return weights;
    }

    private static int Count(IReadOnlyList<LabelledExample> examples, Stance stance) => examples.Count(e => e.Stance == stance);
}
