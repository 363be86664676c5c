namespace StanceBoard.Dashboard.Pipeline;

/// <summary>What happened to a piece handed to the pipeline.</summary>
/// <param name="Piece">The stored piece as clients see it (the earlier copy when it was a duplicate).</param>
/// <param name="IsNew">False when the same piece was already stored.</param>
public sealed record ProcessResult(PieceDto Piece, bool IsNew);
