namespace StanceBoard.Dashboard.Labelling;

/// <summary>Why the queue offered a piece.</summary>
public static class QueueReason
{
    /// <summary>Another annotator labelled it and it is one of the pieces asked of two (agreement).</summary>
    public const string SecondOpinion = "second-opinion";

    /// <summary>It is from the fixed random evaluation slice (held out from training).</summary>
    public const string Evaluation = "evaluation";

    /// <summary>The model is least sure about it: the smallest margin between its top two classes.</summary>
    public const string Uncertain = "uncertain";
}
