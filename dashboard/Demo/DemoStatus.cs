namespace StanceBoard.Dashboard.Demo;

/// <summary>What <c>GET /api/demo</c> and <c>demo status</c> report.</summary>
/// <param name="Enabled">Whether configuration allows the replay.</param>
/// <param name="Cleared">Whether the demo was cleared from this database (it will not replay again).</param>
/// <param name="DemoPieces">Demo pieces stored now.</param>
/// <param name="CorpusSize">Pieces in the demo corpus.</param>
public sealed record DemoStatus(bool Enabled, bool Cleared, long DemoPieces, int CorpusSize);
