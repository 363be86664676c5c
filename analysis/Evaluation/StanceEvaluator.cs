using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Evaluation;

/// <summary>Computes <see cref="StanceMetrics"/> from (target, gold, predicted) triples.</summary>
public static class StanceEvaluator
{
    /// <summary>Evaluates predictions; targets are grouped ignoring case, named as first seen.</summary>
    public static StanceMetrics Evaluate(IEnumerable<(string Target, Stance Gold, Stance Predicted)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var all = new ConfusionMatrix();
        var perTarget = new Dictionary<string, ConfusionMatrix>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var (target, gold, predicted) in rows)
        {
            all.Add(gold, predicted);
            if (!perTarget.TryGetValue(target, out var matrix))
            {
                perTarget[target] = matrix = new ConfusionMatrix();
                names.Add(target);
            }

            matrix.Add(gold, predicted);
        }

        var result = FromMatrix(all);
        return result with
        {
            PerTarget = names.ToDictionary(n => n, n => FromMatrix(perTarget[n]), StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>The measures of one confusion matrix.</summary>
    public static StanceMetrics FromMatrix(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var favor = matrix.F1(Stance.Favor);
        var against = matrix.F1(Stance.Against);
        var none = matrix.F1(Stance.None);
        return new StanceMetrics
        {
            FAvg = (favor + against) / 2,
            FFavor = favor,
            FAgainst = against,
            MacroF1 = (favor + against + none) / 3,
            Accuracy = matrix.Accuracy,
            Count = matrix.Total,
            Confusion = matrix.ToRows(),
        };
    }
}
