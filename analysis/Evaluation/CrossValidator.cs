using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Analysis.Evaluation;

/// <summary>
/// k-fold cross-validation of the whole training procedure: each fold's model is fitted (with
/// its own inner choice of λ) on the other folds and scored on the held-out fold through the
/// batch path, so the pooled metrics are an unbiased estimate. Folds keep rows sharing a text together.
/// </summary>
public static class CrossValidator
{
    /// <summary>The pooled out-of-fold metrics of training with <paramref name="options"/> on <paramref name="examples"/>.</summary>
    public static StanceMetrics Run(
        IReadOnlyList<LabelledExample> examples,
        StanceModelTrainerOptions options,
        int folds,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var assignment = FoldAssigner.Assign(examples, folds, options.Seed)
            ?? throw new ArgumentException("Cross-validation needs at least two distinct texts.", nameof(examples));
        var foldCount = assignment.Max() + 1;
        var predictions = new Stance[examples.Count];

        // With λ fixed, a fold's model needs no inner cross-validation (it would only measure it).
        var inner = options.Clone();
        if (inner.L2 is not null)
        {
            inner.CrossValidationFolds = 0;
        }

        for (var f = 0; f < foldCount; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new TrainingProgress($"cross-validation fold {f + 1}/{foldCount}", (double)f / foldCount));
            var train = examples.Where((_, i) => assignment[i] != f).ToList();
            var model = new StanceModelTrainer(inner).Fit(train, cancellationToken: cancellationToken);
            var test = Enumerable.Range(0, examples.Count).Where(i => assignment[i] == f).ToArray();
            var requests = test.Select(i =>
            {
                var target = model.Resolve(examples[i].Target);
                return new StanceRequest(model.Prepare(examples[i].Text, target), target);
            }).ToArray();
            var predicted = model.Predict(requests, cancellationToken);
            for (var k = 0; k < test.Length; k++)
            {
                predictions[test[k]] = predicted[k].Stance;
            }
        }

        return StanceEvaluator.Evaluate(examples.Select((e, i) => (e.Target.Trim(), e.Stance, predictions[i])));
    }
}
