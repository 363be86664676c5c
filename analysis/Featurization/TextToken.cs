namespace StanceBoard.Analysis.Featurization;

/// <summary>A normalised token: where it is in the original text and what it becomes.</summary>
/// <param name="Start">Offset of the token's first character in the original text.</param>
/// <param name="Length">Length of the original stretch.</param>
/// <param name="Value">The normalised form: folded lower case, or a <see cref="TokenMarkers"/> value.</param>
internal readonly record struct TextToken(int Start, int Length, string Value);
