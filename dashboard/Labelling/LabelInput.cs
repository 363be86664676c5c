namespace StanceBoard.Dashboard.Labelling;

/// <summary>One label as the page or a script sends it.</summary>
/// <param name="Target">A configured target.</param>
/// <param name="Stance"><c>favor</c>, <c>against</c> or <c>none</c> (any case; <c>neutral</c> = none).</param>
/// <param name="Evidence">Indexes of sentences marked as evidence (at most 20).</param>
/// <param name="Note">An optional note (at most 2,000 characters).</param>
/// <param name="BaseId">The current label the sender saw (null: none); checked when <see cref="LabelsInput.CheckBase"/> is set.</param>
public sealed record LabelInput(string? Target, string? Stance, IReadOnlyList<int>? Evidence = null, string? Note = null, long? BaseId = null);

/// <summary>A save of one annotator's labels of one piece.</summary>
/// <param name="PieceId">The stored piece.</param>
/// <param name="Labels">One label per target.</param>
/// <param name="Origin"><c>queue</c> or <c>piece</c> (a correction on the piece page); default <c>api</c>.</param>
/// <param name="Blind">Whether the model's verdict was hidden while labelling.</param>
/// <param name="CheckBase">Refuse (409) instead of replacing a label that changed since the sender saw it.</param>
public sealed record LabelsInput(long? PieceId, IReadOnlyList<LabelInput>? Labels, string? Origin = null, bool Blind = false, bool CheckBase = false);

/// <summary>An admin's decision on a disagreement.</summary>
public sealed record AdjudicationInput(long? UnitId, string? Target, string? Stance, string? Note);

/// <summary>A piece to skip.</summary>
public sealed record SkipInput(long? PieceId);
