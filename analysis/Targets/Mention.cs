namespace StanceBoard.Analysis.Targets;

/// <summary>One occurrence of a target's alias in a text.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Start">Offset of the mention in the text.</param>
/// <param name="Length">Length of the mention in the text.</param>
/// <param name="SentenceIndex">Index of the sentence that holds the mention.</param>
public sealed record Mention(string Target, int Start, int Length, int SentenceIndex);
