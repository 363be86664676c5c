using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Model;

/// <summary>One (document, target) pair to predict, for the batch path of <see cref="IStanceModel"/>.</summary>
/// <param name="Document">The prepared text.</param>
/// <param name="Target">The target.</param>
public sealed record StanceRequest(StanceDocument Document, TargetDefinition Target);
