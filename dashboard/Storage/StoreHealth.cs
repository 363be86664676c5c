namespace StanceBoard.Dashboard.Storage;

/// <summary>What the health endpoint reports about the store.</summary>
public sealed record StoreHealth(bool Ok, string Provider, int SchemaVersion, long Pieces, string? Error);
