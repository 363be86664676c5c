namespace StanceBoard.Dashboard.Storage.Labels;

/// <summary>How much is labelled and how much is left.</summary>
/// <param name="Labels">Current labels (one per annotator, unit and target).</param>
/// <param name="Units">Labelled units.</param>
/// <param name="HoldoutUnits">Labelled units in the evaluation slice.</param>
/// <param name="Revisions">Label versions kept as history (replaced by a newer one).</param>
/// <param name="OpenPieces">Pieces the queue can still offer.</param>
/// <param name="PerTarget">Current labels per target.</param>
/// <param name="PerAnnotator">Current labels per annotator.</param>
public sealed record LabelCounts(
    long Labels,
    long Units,
    long HoldoutUnits,
    long Revisions,
    long OpenPieces,
    IReadOnlyDictionary<string, long> PerTarget,
    IReadOnlyDictionary<string, long> PerAnnotator);
