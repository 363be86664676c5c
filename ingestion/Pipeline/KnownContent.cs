namespace StanceBoard.Ingestion.Pipeline;

/// <summary>A stored piece that new content matches.</summary>
/// <param name="Key">The stored piece's id or canonical URL.</param>
/// <param name="Exact">Whether the content hash matched (else the SimHash was near).</param>
public sealed record KnownContent(string Key, bool Exact);
