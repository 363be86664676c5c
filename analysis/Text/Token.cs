namespace StanceBoard.Analysis.Text;

/// <summary>A word in a text: its position in the original string and its folded form.</summary>
/// <param name="Start">Offset of the first character in the original text.</param>
/// <param name="Length">Length in the original text.</param>
/// <param name="Folded">Lower-cased, diacritics-free form used for matching.</param>
public readonly record struct Token(int Start, int Length, string Folded);
