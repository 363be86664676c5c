using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Storage;

/// <summary>A source to add.</summary>
public sealed record NewSource(string Url, string Name, SourceKind Kind, string? Outlet, TimeSpan PollInterval, bool Enabled, string Origin = "user");
