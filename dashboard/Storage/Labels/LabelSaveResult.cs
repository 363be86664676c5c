namespace StanceBoard.Dashboard.Storage.Labels;

/// <summary>
/// What a save did: the new versions, the labels left as they were (same stance, evidence and
/// note), and the conflicts that stopped it (nothing is saved when there is one).
/// </summary>
public sealed record LabelSaveResult(
    long UnitId,
    IReadOnlyList<StoredLabel> Saved,
    IReadOnlyList<StoredLabel> Unchanged,
    IReadOnlyList<LabelConflict> Conflicts)
{
    public bool HasConflicts => Conflicts.Count > 0;
}

/// <summary>A label that changed since the annotator saw it: the current version (or none, when it was withdrawn).</summary>
public sealed record LabelConflict(string Target, StoredLabel? Current, long? BaseId);
