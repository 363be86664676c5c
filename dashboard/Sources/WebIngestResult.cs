using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Ingestion.Pipeline;

namespace StanceBoard.Dashboard.Sources;

/// <summary>One web item after the piece pipeline: the stored piece (new or earlier), or the failure.</summary>
/// <param name="Item">What ingestion produced.</param>
/// <param name="Stored">The stored piece and whether it is new; <see langword="null"/> for failures.</param>
public sealed record WebIngestResult(IngestionItem Item, ProcessResult? Stored);
