using StanceBoard.Analysis.Aggregation;

namespace StanceBoard.Dashboard.ChartServing;

/// <summary>A filter's observations at one state of the store.</summary>
/// <param name="Snapshot">The observations, or <see langword="null"/> when more than <see cref="ObservationCache.MaxObservations"/> match.</param>
/// <param name="Stamp">The state they were read at.</param>
internal sealed record CachedObservations(ObservationSnapshot? Snapshot, DataStamp Stamp);
