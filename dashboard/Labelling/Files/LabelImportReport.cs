using StanceBoard.Analysis.Data;

namespace StanceBoard.Dashboard.Labelling.Files;

/// <summary>What an import did.</summary>
/// <param name="Rows">Rows read (bad ones included).</param>
/// <param name="Imported">Rows stored as a new label.</param>
/// <param name="Revised">Rows that replaced an annotator's different label (the old one is kept as history).</param>
/// <param name="Unchanged">Rows equal to a label already stored.</param>
/// <param name="Linked">Imported rows whose text matched a stored piece.</param>
/// <param name="Problems">Rows skipped, by line, and why.</param>
public sealed record LabelImportReport(int Rows, int Imported, int Revised, int Unchanged, int Linked, IReadOnlyList<DataProblem> Problems);
