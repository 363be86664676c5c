namespace StanceBoard.Dashboard.Storage;

/// <summary>How far a re-scoring run is.</summary>
/// <param name="Done">Pieces in finished chunks.</param>
/// <param name="Total">Pieces in every chunk.</param>
/// <param name="Open">Chunks not finished yet (leased or free).</param>
public sealed record RescoreTally(long Done, long Total, int Open);
