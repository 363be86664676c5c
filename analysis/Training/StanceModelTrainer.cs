using System.Diagnostics;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Evaluation;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Training;

/// <summary>
/// Trains a <see cref="StanceModel"/> with ML.NET: the estimator of the stance model
/// (<see cref="Fit"/> returns an immutable model).
/// </summary>
/// <remarks>
/// Steps: (1) each row's text is prepared once by our own step (sentences, mentions, target
/// masking, normalisation), and with embeddings each distinct text and target is embedded once;
/// (2) a target with enough labelled rows of at least two stances gets its own ML.NET chain
/// (per-target weights gained 3–8 points in the ML.NET probe), and one chain is shared by all
/// rows, for targets without labels; (3) without a fixed λ, grouped stratified k-fold
/// cross-validation picks λ on f_avg and yields the out-of-fold metrics stored with the model;
/// (4) every chain is fitted on all its rows. Everything random is seeded.
/// </remarks>
public sealed class StanceModelTrainer
{
    /// <summary>Creates a trainer; <paramref name="options"/> are validated and kept by reference.</summary>
    public StanceModelTrainer(StanceModelTrainerOptions? options = null)
    {
        Options = options ?? new StanceModelTrainerOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public StanceModelTrainerOptions Options { get; }

    /// <summary>Fits a model to <paramref name="examples"/>.</summary>
    /// <exception cref="ArgumentException">There are no examples, or they carry only one stance.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public StanceModel Fit(IReadOnlyList<LabelledExample> examples, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("There are no training examples.", nameof(examples));
        }

        var stances = examples.Select(e => e.Stance).Distinct().ToArray();
        if (stances.Length < 2)
        {
            throw new ArgumentException($"All {examples.Count:N0} training row(s) are labelled '{StanceText.ToText(stances[0])}': a model needs examples of at least two stances.", nameof(examples));
        }

        var (known, targetOf) = ResolveTargets(examples);
        var prepared = TrainingRows.Prepare(examples, known, targetOf, Options, progress, cancellationToken);
        var partTrainer = new PartTrainer(Options, prepared.DenseDimension > 1, prepared.DenseDimension);
        var own = OwnTargets(examples, targetOf, Enumerable.Range(0, examples.Count));
        progress?.Report(new TrainingProgress("featurizing", 0.3));
        var watch = Stopwatch.StartNew();
        var featurized = partTrainer.Featurize(prepared.Rows, cancellationToken);
        var featurizeSeconds = watch.Elapsed.TotalSeconds;

        var l2 = Options.L2 ?? Options.CandidateL2[0];
        StanceMetrics? metrics = null;
        var folds = Options.CrossValidationFolds >= 2 ? FoldAssigner.Assign(examples, Options.CrossValidationFolds, Options.Seed) : null;
        if (folds is not null)
        {
            var candidates = Options.L2 is { } fixedL2 ? [fixedL2] : Options.CandidateL2.Order().ToArray();
            (l2, metrics) = CrossValidate(examples, targetOf, featurized, prepared.Rows, folds, candidates, partTrainer, progress, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new TrainingProgress("fitting", 0.9));
        watch.Restart();
        var (shared, parts) = FitParts(examples, targetOf, own, featurized, prepared.Rows, l2, partTrainer, cancellationToken);

        var info = new StanceModelInfo
        {
            Version = "pending",
            Features = Options.Features,
            KnownTargets = known.Select(t => new TargetInfo(t.Name, t.Aliases)).ToArray(),
            TrainedTargets = own,
            Examples = examples.Count,
            ClassCounts = [Count(examples, Stance.Favor), Count(examples, Stance.Against), Count(examples, Stance.None)],
            L2 = l2,
            CrossValidationFolds = folds is null ? 0 : folds.Max() + 1,
            CrossValidation = metrics,
            DataHash = TrainingDataHash.Compute(examples),
            Seed = Options.Seed,
            MaxSentences = prepared.MaxSentences,
            EmbeddingDimension = prepared.EmbeddingDimension,
            EmbeddingInteractions = Options.EmbeddingInteractions && prepared.EmbeddingDimension > 0,
            FitSeconds = Math.Round(featurizeSeconds + watch.Elapsed.TotalSeconds, 3),
        };
        info = info with { Version = Options.Version ?? ModelVersion.Derive(info, Options) };
        progress?.Report(new TrainingProgress("done", 1));
        return new StanceModel(info, shared, parts, Options.Embedder);
    }

    private (List<TargetDefinition> Known, string[] TargetOf) ResolveTargets(IReadOnlyList<LabelledExample> examples)
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

        var targetOf = new string[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            var name = examples[i].Target.Trim();
            if (!byName.TryGetValue(name, out var definition))
            {
                byName[name] = definition = new TargetDefinition(name, []);
                known.Add(definition);
            }

            targetOf[i] = definition.Name;
        }

        return (known, targetOf);
    }

    /// <summary>
    /// Fits the shared part and each own target's part. They are independent (each fits in its own
    /// ML.NET context on the shared feature vectors), so they run on every core.
    /// </summary>
    private (ModelPart Shared, Dictionary<string, ModelPart> Parts) FitParts(
        IReadOnlyList<LabelledExample> examples,
        string[] targetOf,
        string[] own,
        FeaturizedRows featurized,
        ModelInput[] rows,
        double l2,
        PartTrainer partTrainer,
        CancellationToken cancellationToken)
    {
        var fitted = new ModelPart[own.Length + 1];
        try
        {
            Parallel.For(0, fitted.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
            {
                var indices = k == 0
                    ? Enumerable.Range(0, examples.Count)
                    : Enumerable.Range(0, examples.Count).Where(i => string.Equals(targetOf[i], own[k - 1], StringComparison.OrdinalIgnoreCase));
                fitted[k] = partTrainer.Fit(featurized, Weighted(featurized, rows, indices), l2);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count >= 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        var parts = new Dictionary<string, ModelPart>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < own.Length; k++)
        {
            parts[own[k]] = fitted[k + 1];
        }

        return (fitted[0], parts);
    }

    /// <summary>The targets among <paramref name="rows"/> with enough labelled rows of at least two stances for a model of their own, by name.</summary>
    private string[] OwnTargets(IReadOnlyList<LabelledExample> examples, string[] targetOf, IEnumerable<int> rows) =>
        rows.GroupBy(i => targetOf[i], StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() >= Options.MinExamplesPerTarget && g.Select(i => examples[i].Stance).Distinct().Count() >= 2)
            .Select(g => g.Key)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    private (double L2, StanceMetrics Metrics) CrossValidate(
        IReadOnlyList<LabelledExample> examples,
        string[] targetOf,
        FeaturizedRows featurized,
        ModelInput[] rows,
        int[] folds,
        double[] candidates,
        PartTrainer partTrainer,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var foldCount = folds.Max() + 1;
        var predicted = candidates.Select(_ => new Stance[examples.Count]).ToArray();
        progress?.Report(new TrainingProgress($"cross-validating {foldCount} folds", 0.3));

        // Folds are independent (each fits in its own ML.NET context on the shared feature vectors
        // and writes only its own rows' predictions), so they run on every core.
        try
        {
            RunFolds();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count >= 1)
        {
            // Callers catch what a sequential fit throws, not the parallel loop's wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        void RunFolds() => Parallel.For(0, foldCount, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            var train = Enumerable.Range(0, examples.Count).Where(i => folds[i] != f).ToArray();
            var test = Enumerable.Range(0, examples.Count).Where(i => folds[i] == f).ToArray();
            var own = new HashSet<string>(OwnTargets(examples, targetOf, train), StringComparer.OrdinalIgnoreCase);
            var groups = test.GroupBy(i => own.Contains(targetOf[i]) ? targetOf[i] : null).ToList();
            foreach (var group in groups)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var partTrain = group.Key is null ? train : train.Where(i => string.Equals(targetOf[i], group.Key, StringComparison.OrdinalIgnoreCase)).ToArray();
                var partTest = group.ToArray();
                var scores = partTrainer.FitAndScore(featurized, Weighted(featurized, rows, partTrain), Weighted(featurized, rows, partTest), candidates, cancellationToken);
                for (var k = 0; k < candidates.Length; k++)
                {
                    for (var r = 0; r < partTest.Length; r++)
                    {
                        predicted[k][partTest[r]] = ArgMax(scores[k][r]);
                    }
                }
            }
        });

        var best = -1;
        StanceMetrics? bestMetrics = null;
        for (var k = 0; k < candidates.Length; k++)
        {
            var metrics = StanceEvaluator.Evaluate(examples.Select((e, i) => (targetOf[i], e.Stance, predicted[k][i])));
            if (bestMetrics is null || metrics.FAvg > bestMetrics.FAvg + 1e-9
                || (Math.Abs(metrics.FAvg - bestMetrics.FAvg) <= 1e-9 && metrics.MacroF1 > bestMetrics.MacroF1 + 1e-9))
            {
                best = k;
                bestMetrics = metrics;
            }
        }

        return (candidates[best], bestMetrics!);
    }

    /// <summary>The featurized rows at <paramref name="indices"/> with their class weights among them (n / (k · n_class) when balanced).</summary>
    private FeatureRow[] Weighted(FeaturizedRows featurized, ModelInput[] rows, IEnumerable<int> indices)
    {
        var chosen = indices.ToArray();
        var counts = chosen.GroupBy(i => rows[i].Label).ToDictionary(g => g.Key, g => g.Count());
        return chosen.Select(i => new FeatureRow
        {
            Features = featurized.Vectors[i],
            Label = rows[i].Label,
            Weight = Options.ClassWeighting == ClassWeighting.Balanced ? (float)chosen.Length / (counts.Count * counts[rows[i].Label]) : 1f,
        }).ToArray();
    }

    private static Stance ArgMax(float[] p) =>
        p[1] >= p[0] && p[1] >= p[2] ? Stance.Favor : p[2] >= p[0] ? Stance.Against : Stance.None;

    private static int Count(IReadOnlyList<LabelledExample> examples, Stance stance) => examples.Count(e => e.Stance == stance);
}
