namespace StanceBoard.Analysis.Training;

/// <summary>How the trainer weighs the stance classes against each other.</summary>
public enum ClassWeighting
{
    /// <summary>Each class weighs n / (k · n_class), so a rare stance counts as much in total as a common one.</summary>
    Balanced = 0,

    /// <summary>Every example weighs the same.</summary>
    None = 1,
}
