namespace StanceBoard.Dashboard.Storage;

/// <summary>Totals for one target over all stored pieces (demo pieces included).</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Pieces">Pieces that mention it.</param>
/// <param name="Scored">Of those, pieces with a stance.</param>
/// <param name="Favor">Pieces in favour.</param>
/// <param name="Against">Pieces against.</param>
/// <param name="None">Pieces with no stance.</param>
/// <param name="MeanScore">Mean stance score of the scored pieces, or <see langword="null"/>.</param>
public sealed record TargetSummary(string Target, long Pieces, long Scored, long Favor, long Against, long None, double? MeanScore);
