using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Aggregation;

/// <summary>
/// One stored score as aggregation reads it: a piece's stance towards one target. A piece
/// with several authors yields one observation per author (same piece id).
/// </summary>
/// <param name="PieceId">The piece's id in the store.</param>
/// <param name="Published">When the piece was published; <see langword="null"/> when unknown (such pieces are left out of time series).</param>
/// <param name="Author">The author's display name, or <see langword="null"/> when unknown.</param>
/// <param name="Outlet">The outlet's name, or <see langword="null"/> when unknown.</param>
/// <param name="Target">The target's name.</param>
/// <param name="Stance">The predicted stance.</param>
/// <param name="Score">p(favor) − p(against), in [−1, 1].</param>
/// <param name="ModelVersion">The model version that produced the score.</param>
public sealed record StanceObservation(
    long PieceId,
    DateTimeOffset? Published,
    string? Author,
    string? Outlet,
    string Target,
    Stance Stance,
    double Score,
    string ModelVersion);
