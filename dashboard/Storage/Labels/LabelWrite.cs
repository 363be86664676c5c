using StanceBoard.Analysis.Model;

namespace StanceBoard.Dashboard.Storage.Labels;

/// <summary>One label to save.</summary>
/// <param name="Target">The target.</param>
/// <param name="Stance">The stance.</param>
/// <param name="Evidence">Sentence indexes marked as evidence.</param>
/// <param name="Note">An optional note.</param>
/// <param name="CheckBase">Save only if the annotator's current label is still <paramref name="BaseId"/> (none when null); otherwise report a conflict.</param>
/// <param name="BaseId">The current label the annotator saw.</param>
/// <param name="CreatedUtc">The time to record (imports keep their file's time); <see langword="null"/> for now.</param>
public sealed record LabelWrite(
    string Target,
    Stance Stance,
    IReadOnlyList<int> Evidence,
    string? Note,
    bool CheckBase = false,
    long? BaseId = null,
    DateTimeOffset? CreatedUtc = null);
