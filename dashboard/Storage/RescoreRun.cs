namespace StanceBoard.Dashboard.Storage;

/// <summary>One re-scoring run: a model version after one of its promotions.</summary>
/// <param name="Key">What the run's chunks are stored under (the version and the promotion).</param>
/// <param name="Version">The model version scoring.</param>
public sealed record RescoreRun(string Key, string Version);
