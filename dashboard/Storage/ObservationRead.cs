using StanceBoard.Analysis.Aggregation;

namespace StanceBoard.Dashboard.Storage;

/// <summary>Observations read in one transaction, with the highest piece id stored at that moment.</summary>
/// <param name="Observations">At most the limit asked for + 1 observations, as <see cref="IStanceStore.ListObservationsAsync"/> returns them.</param>
/// <param name="MaxPieceId">The highest piece id in the store when they were read (0 for an empty store).</param>
/// <param name="Complete">
/// Every observation of the filter, not only those after the id asked for: a store whose piece ids
/// are not committed in increasing order (several writers on PostgreSQL) always answers so.
/// </param>
public sealed record ObservationRead(IReadOnlyList<StanceObservation> Observations, long MaxPieceId, bool Complete);
