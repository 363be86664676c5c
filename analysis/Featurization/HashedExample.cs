using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Featurization;

/// <summary>A labelled text reduced to bucket counts: whole text and, when it differs, the target's context.</summary>
/// <param name="Document">Bucket counts of the whole text.</param>
/// <param name="Context">Bucket counts of the target's context, or <see langword="null"/> when it is the whole text.</param>
/// <param name="Target">Index of the target among the training targets.</param>
/// <param name="Label">The labelled stance.</param>
internal sealed record HashedExample(SparseCounts Document, SparseCounts? Context, int Target, Stance Label);
