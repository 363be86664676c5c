using StanceBoard.Analysis.Model;

namespace StanceBoard.Dashboard.Labelling;

/// <summary>The agreed label of one unit towards one target: what training and evaluation use.</summary>
/// <param name="UnitId">The labelled unit.</param>
/// <param name="PieceId">Its stored piece, while it exists.</param>
/// <param name="Target">The target.</param>
/// <param name="Stance">The gold stance.</param>
/// <param name="Text">The unit's text.</param>
/// <param name="Split"><c>train</c> or <c>holdout</c>.</param>
/// <param name="Annotators">Who labelled it that way (the adjudicator, for an adjudicated unit).</param>
/// <param name="LatestUtc">The latest of those labels.</param>
/// <param name="Evidence">The sentences those annotators marked as evidence (all of them).</param>
public sealed record GoldLabel(long UnitId, long? PieceId, string Target, Stance Stance, string Text, string Split, IReadOnlyList<string> Annotators, DateTimeOffset LatestUtc, IReadOnlyList<int> Evidence);
