using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Labelling.Agreement;

/// <summary>A unit and target the annotators labelled differently, waiting for an admin's decision.</summary>
public sealed record Disagreement(long UnitId, long? PieceId, string? Title, string Target, IReadOnlyList<DisagreementLabel> Labels);

/// <summary>One annotator's side of a disagreement.</summary>
public sealed record DisagreementLabel(string Annotator, string Stance, string? Note, DateTimeOffset CreatedUtc)
{
    public static DisagreementLabel From(LabelRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new DisagreementLabel(row.Label.Annotator, Analysis.Model.StanceText.ToText(row.Label.Stance), row.Label.Note, row.Label.CreatedUtc);
    }
}
