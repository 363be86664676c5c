using StanceBoard.Analysis.Evaluation;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Analysis.Targets;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Labelling.Training;

/// <summary>
/// Measures models on gold labels the way pieces are scored in production (the piece scorer, one
/// pass per text for all its targets; a labelled target the text never names is predicted directly),
/// and finds the stored verdicts a candidate would change.
/// </summary>
public static class ComparisonBuilder
{
    /// <summary>The measures of <paramref name="model"/> on <paramref name="gold"/>, or <see langword="null"/> without a model or labels.</summary>
    public static StanceMetrics? Measure(IStanceModel? model, TargetCatalog catalog, IReadOnlyList<GoldLabel> gold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(gold);
        if (model is null || gold.Count == 0)
        {
            return null;
        }

        var scorer = new PieceScorer(catalog, model);
        var scored = new Dictionary<long, IReadOnlyList<TargetScore>>();
        var rows = new List<(string Target, Stance Gold, Stance Predicted)>(gold.Count);
        foreach (var label in gold)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!scored.TryGetValue(label.UnitId, out var scores))
            {
                scored[label.UnitId] = scores = scorer.Score(label.Text);
            }

            var predicted = scores.FirstOrDefault(s => string.Equals(s.Target, label.Target, StringComparison.OrdinalIgnoreCase))?.Stance
                ?? model.Predict(label.Text, catalog.TryGet(label.Target, out var definition) ? definition! : new TargetDefinition(label.Target, [])).Stance;
            rows.Add((label.Target, label.Stance, predicted));
        }

        return StanceEvaluator.Evaluate(rows);
    }

    /// <summary>Per target: f_avg of both models and the number of held-out labels.</summary>
    public static IReadOnlyList<TargetComparison> PerTarget(StanceMetrics? baseline, StanceMetrics? candidate)
    {
        var names = (candidate?.PerTarget.Keys ?? []).Concat(baseline?.PerTarget.Keys ?? []).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        return names.Select(n => new TargetComparison(
            n,
            (candidate?.PerTarget.GetValueOrDefault(n) ?? baseline?.PerTarget.GetValueOrDefault(n))?.Count ?? 0,
            baseline?.PerTarget.GetValueOrDefault(n)?.FAvg,
            candidate?.PerTarget.GetValueOrDefault(n)?.FAvg)).ToArray();
    }

    /// <summary>Scores <paramref name="sample"/> with the candidate and compares with the stored verdicts; the biggest score changes first.</summary>
    public static ChangedVerdicts Changed(IReadOnlyList<StoredPiece> sample, IStanceModel candidate, TargetCatalog catalog, int maxExamples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var scorer = new PieceScorer(catalog, candidate);
        var changed = new List<(double Shift, ChangedVerdict Verdict)>();
        var targets = 0;
        foreach (var piece in sample)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var after = scorer.Score(piece.Text);
            foreach (var now in after)
            {
                var before = piece.Scores.FirstOrDefault(s => string.Equals(s.Target, now.Target, StringComparison.OrdinalIgnoreCase))?.Score;
                targets++;
                if (now.Stance is not { } stance || before?.Stance == stance)
                {
                    continue;
                }

                changed.Add((
                    Math.Abs((now.Score ?? 0) - (before?.Score ?? 0)),
                    new ChangedVerdict(
                        piece.Id,
                        piece.Title,
                        now.Target,
                        before?.Stance is { } old ? StanceText.ToText(old) : null,
                        before?.Score is { } oldScore ? Math.Round(oldScore, 3) : null,
                        StanceText.ToText(stance),
                        Math.Round(now.Score ?? 0, 3))));
            }
        }

        return new ChangedVerdicts(
            sample.Count,
            targets,
            changed.Count,
            changed.OrderByDescending(c => c.Shift).ThenBy(c => c.Verdict.PieceId).Take(maxExamples).Select(c => c.Verdict).ToArray());
    }
}
