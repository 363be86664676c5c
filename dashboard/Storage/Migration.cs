namespace StanceBoard.Dashboard.Storage;

/// <summary>One versioned schema change. Versions are applied in order, each exactly once, inside a transaction.</summary>
/// <param name="Version">Ascending, never reused.</param>
/// <param name="Name">What the change does.</param>
/// <param name="Sql">The DDL.</param>
public sealed record Migration(int Version, string Name, string Sql);
