namespace StanceBoard.Dashboard.Labelling;

/// <summary>The piece the queue chose, and why (<see cref="QueueReason"/>); for uncertainty, the target and margin that won.</summary>
public sealed record QueuePick(long PieceId, string Reason, string? Target, double? Margin);
