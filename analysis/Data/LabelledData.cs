namespace StanceBoard.Analysis.Data;

/// <summary>What a read of labelled data produced: the good rows and the skipped ones.</summary>
/// <param name="Examples">The rows that were read, in file order.</param>
/// <param name="Problems">The rows that were skipped, with their line numbers, in file order.</param>
public sealed record LabelledData(IReadOnlyList<LabelledExample> Examples, IReadOnlyList<DataProblem> Problems);
