using StanceBoard.Analysis.Model;

namespace StanceBoard.Dashboard.Storage.Labels;

/// <summary>One version of one annotator's label of one unit (a piece or a text) towards one target.</summary>
/// <param name="Id">The version's id; a change makes a new version that <paramref name="Replaces"/> this one.</param>
/// <param name="UnitId">The labelled unit.</param>
/// <param name="PieceId">The stored piece, while it exists (a deleted piece's labels keep their text).</param>
/// <param name="Target">The target, as configured.</param>
/// <param name="Stance">The label.</param>
/// <param name="Annotator">Who gave it: an account name, <c>key:…</c> for an API key, or the name an import named.</param>
/// <param name="Origin"><c>queue</c>, <c>piece</c> (a correction on a piece page), <c>import</c>, <c>api</c> or <c>adjudication</c>.</param>
/// <param name="Blind">Whether the annotator labelled without seeing the model's verdict.</param>
/// <param name="Evidence">Indexes of the sentences the annotator marked as evidence.</param>
/// <param name="Note">The annotator's note.</param>
/// <param name="CreatedUtc">When this version was saved (or, for imports, the time the file gave).</param>
/// <param name="Replaces">The version this one replaced.</param>
/// <param name="IsCurrent">Whether this is the annotator's current label (older versions are history).</param>
public sealed record StoredLabel(
    long Id,
    long UnitId,
    long? PieceId,
    string Target,
    Stance Stance,
    string Annotator,
    string Origin,
    bool Blind,
    IReadOnlyList<int> Evidence,
    string? Note,
    DateTimeOffset CreatedUtc,
    long? Replaces,
    bool IsCurrent);
