using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Storage.Unavailable;

/// <summary>The label store on PostgreSQL, until it keeps labels: every call says why it cannot.</summary>
internal sealed class UnavailableLabelStore : ILabelStore
{
    public Task<LabelSaveResult> SaveAsync(LabelSaveRequest request, LabelShares shares, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<IReadOnlyList<LabelSaveResult>> SaveManyAsync(IReadOnlyList<LabelSaveRequest> requests, LabelShares shares, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<IReadOnlyList<StoredLabel>> ListForPieceAsync(long pieceId, bool history, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<IReadOnlyList<LabelRow>?> ListForUnitAsync(long unitId, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public IAsyncEnumerable<LabelRow> ReadAllAsync(bool history, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task SkipAsync(long pieceId, string annotator, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<long> CountOpenAsync(CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<LabelCounts> CountAsync(CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<IReadOnlyList<QueueCandidate>> ListUncertainAsync(string target, string annotator, LabelShares shares, int limit, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<IReadOnlyList<long>> ListEvaluationAsync(string annotator, LabelShares shares, int limit, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<IReadOnlyList<long>> ListAwaitingSecondAsync(string annotator, LabelShares shares, int limit, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<IReadOnlyList<long>> ListRecentAsync(string annotator, int count, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<(int Pieces, int Holdout)> CountMineAsync(string annotator, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<IReadOnlyDictionary<long, PieceFacets>> GetFacetsAsync(IReadOnlyCollection<long> pieceIds, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();
}
