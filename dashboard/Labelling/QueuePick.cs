namespace StanceBoard.Dashboard.Labelling;

/// <summary>
/// The piece the queue chose, and why (<see cref="QueueReason"/>); for uncertainty, the target and
/// margin that won; and how many pieces the annotator had labelled (of them in the evaluation slice).
/// </summary>
public sealed record QueuePick(long PieceId, string Reason, string? Target, double? Margin, int Labelled = 0, int Holdout = 0);
