using StanceBoard.Analysis.Scoring;

namespace StanceBoard.Dashboard.Storage;

/// <summary>A stored piece's score towards one target.</summary>
public sealed record StoredScore(string Target, TargetScore Score);
