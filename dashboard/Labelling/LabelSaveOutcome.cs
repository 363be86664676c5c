using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Labelling;

/// <summary>The result of a label save: what was stored, or why not (bad input naming the field, a missing piece, or conflicts).</summary>
public sealed record LabelSaveOutcome(LabelSaveResult? Result, IReadOnlyDictionary<string, string[]>? Errors, string? NotFound)
{
    public static LabelSaveOutcome Invalid(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] }, null);
}
