namespace StanceBoard.Dashboard.Storage.Labels;

/// <summary>An open piece the queue may offer for a target, with the model's margin (top class probability minus the second's).</summary>
public sealed record QueueCandidate(long PieceId, string Target, double Margin);
