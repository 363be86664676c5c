namespace StanceBoard.Dashboard.Storage.Labels;

/// <summary>The two splits of labelled units: training data, and the fixed evaluation slice held out from it.</summary>
public static class LabelSplits
{
    public const string Train = "train";
    public const string Holdout = "holdout";
}
