using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Scoring;

/// <summary>What a piece says about one target it mentions.</summary>
public sealed record TargetScore
{
    /// <summary>The target's name.</summary>
    public required string Target { get; init; }

    /// <summary>How many times the piece mentions the target.</summary>
    public required int Mentions { get; init; }

    /// <summary>Where the mentions are, as (start, length) offsets in the piece's text.</summary>
    public required IReadOnlyList<TextSpan> MentionSpans { get; init; }

    /// <summary>The predicted stance, or <see langword="null"/> when no model is loaded.</summary>
    public Stance? Stance { get; init; }

    /// <summary>p(favor) − p(against) in [−1, 1], or <see langword="null"/> without a model.</summary>
    public double? Score { get; init; }

    /// <summary>p(favor), p(against), p(none), or <see langword="null"/> without a model.</summary>
    public StanceProbabilities? Probabilities { get; init; }

    /// <summary>The sentences behind the verdict; without a model, the sentences that mention the target.</summary>
    public required IReadOnlyList<string> Evidence { get; init; }

    /// <summary>The model version that scored it, or <see langword="null"/> without a model.</summary>
    public string? ModelVersion { get; init; }
}

/// <summary>A stretch of text by offset.</summary>
public readonly record struct TextSpan(int Start, int Length);

/// <summary>The three class probabilities of a stance prediction; they sum to 1.</summary>
public sealed record StanceProbabilities(double Favor, double Against, double None);
