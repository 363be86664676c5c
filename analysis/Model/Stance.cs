namespace StanceBoard.Analysis.Model;

/// <summary>An author's stance towards a target (SemEval-2016 labels).</summary>
public enum Stance
{
    /// <summary>Neither for nor against (also "neutral").</summary>
    None = 0,

    /// <summary>In favour of the target.</summary>
    Favor = 1,

    /// <summary>Against the target.</summary>
    Against = 2,
}
