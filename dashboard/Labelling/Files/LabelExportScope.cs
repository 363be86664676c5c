namespace StanceBoard.Dashboard.Labelling.Files;

/// <summary>Which labels an export holds.</summary>
public enum LabelExportScope
{
    /// <summary>Every annotator's current label (the default).</summary>
    Current,

    /// <summary>One agreed label per unit and target (adjudicated or unanimous): what training uses.</summary>
    Gold,

    /// <summary>Every version, replaced ones included.</summary>
    History,
}
