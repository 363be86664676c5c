namespace StanceBoard.Analysis.Evaluation;

/// <summary>How well predicted stances match gold labels.</summary>
public sealed record StanceMetrics
{
    /// <summary>The SemEval-2016 stance measure: the mean of F1(favor) and F1(against), pooled over all rows.</summary>
    public required double FAvg { get; init; }

    /// <summary>F1 of favor.</summary>
    public required double FFavor { get; init; }

    /// <summary>F1 of against.</summary>
    public required double FAgainst { get; init; }

    /// <summary>The mean F1 of favor, against and none.</summary>
    public required double MacroF1 { get; init; }

    /// <summary>The share of rows predicted right.</summary>
    public required double Accuracy { get; init; }

    /// <summary>The number of rows.</summary>
    public required int Count { get; init; }

    /// <summary>Rows are gold, columns predicted, both in <see cref="ConfusionMatrix.Order"/> (favor, against, none).</summary>
    public required int[][] Confusion { get; init; }

    /// <summary>The same measures per target (their own <see cref="PerTarget"/> is empty), by target name.</summary>
    public IReadOnlyDictionary<string, StanceMetrics> PerTarget { get; init; } = new Dictionary<string, StanceMetrics>();
}
