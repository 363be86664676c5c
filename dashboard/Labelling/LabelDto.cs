using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Labelling;

/// <summary>A label version as the API and the page see it.</summary>
public sealed record LabelDto(
    long Id,
    long UnitId,
    long? PieceId,
    string Target,
    string Stance,
    string Annotator,
    string Origin,
    bool Blind,
    IReadOnlyList<int> Evidence,
    string? Note,
    DateTimeOffset CreatedUtc,
    long? Replaces,
    bool IsCurrent)
{
    public static LabelDto From(StoredLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return new LabelDto(label.Id, label.UnitId, label.PieceId, label.Target, StanceText.ToText(label.Stance), label.Annotator, label.Origin, label.Blind, label.Evidence, label.Note, label.CreatedUtc, label.Replaces, label.IsCurrent);
    }
}
