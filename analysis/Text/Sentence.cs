namespace StanceBoard.Analysis.Text;

/// <summary>A sentence of a text, by position.</summary>
/// <param name="Index">Zero-based position among the text's sentences.</param>
/// <param name="Start">Offset of its first character in the text.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Text">The sentence itself, trimmed.</param>
public sealed record Sentence(int Index, int Start, int Length, string Text);
