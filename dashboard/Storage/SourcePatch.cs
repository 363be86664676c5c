using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Storage;

/// <summary>A partial update of a source: <see langword="null"/> fields stay as they are.</summary>
public sealed record SourcePatch(string? Name = null, SourceKind? Kind = null, string? Outlet = null, TimeSpan? PollInterval = null, bool? Enabled = null);
