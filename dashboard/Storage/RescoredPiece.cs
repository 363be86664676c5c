using StanceBoard.Analysis.Scoring;

namespace StanceBoard.Dashboard.Storage;

/// <summary>A stored piece's new scores.</summary>
public sealed record RescoredPiece(long PieceId, IReadOnlyList<TargetScore> Scores);
