namespace StanceBoard.Dashboard.Storage.Labels;

/// <summary>
/// Labels as data (tables <c>label_units</c>, <c>labels</c>, <c>label_skips</c>, <c>label_pieces</c>,
/// <c>label_queue</c>; migration 6). A label is never overwritten: a change stores a new version and
/// keeps the old one as history. Each annotator has at most one current label per unit and target.
/// </summary>
public interface ILabelStore
{
    /// <summary>
    /// Saves one annotator's labels of one subject in one transaction. When a write checks its base
    /// and the current label differs, nothing is saved and the conflicts are returned.
    /// </summary>
    Task<LabelSaveResult> SaveAsync(LabelSaveRequest request, LabelShares shares, CancellationToken cancellationToken = default);

    /// <summary>Saves many requests (an import) in chunked transactions; conflicts are not checked.</summary>
    Task<IReadOnlyList<LabelSaveResult>> SaveManyAsync(IReadOnlyList<LabelSaveRequest> requests, LabelShares shares, CancellationToken cancellationToken = default);

    /// <summary>A piece's labels: the current ones, or with <paramref name="history"/> every version, oldest first.</summary>
    Task<IReadOnlyList<StoredLabel>> ListForPieceAsync(long pieceId, bool history, CancellationToken cancellationToken = default);

    /// <summary>A unit's current labels, or <see langword="null"/> when there is no such unit.</summary>
    Task<IReadOnlyList<LabelRow>?> ListForUnitAsync(long unitId, CancellationToken cancellationToken = default);

    /// <summary>Every current label (or every version, with <paramref name="history"/>) with its unit, by unit and target.</summary>
    IAsyncEnumerable<LabelRow> ReadAllAsync(bool history, CancellationToken cancellationToken = default);

    /// <summary>Records that <paramref name="annotator"/> skipped a piece: the queue does not offer it to them again.</summary>
    Task SkipAsync(long pieceId, string annotator, CancellationToken cancellationToken = default);

    /// <summary>How many pieces the queue can still offer (to anyone).</summary>
    Task<long> CountOpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts for the model page and the queue.</summary>
    Task<LabelCounts> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Open pieces outside the evaluation slice mentioning <paramref name="target"/>, smallest margin first, that <paramref name="annotator"/> has neither labelled nor skipped.</summary>
    Task<IReadOnlyList<QueueCandidate>> ListUncertainAsync(string target, string annotator, LabelShares shares, int limit, CancellationToken cancellationToken = default);

    /// <summary>Open pieces of the evaluation slice, in their fixed random order, that <paramref name="annotator"/> has neither labelled nor skipped.</summary>
    Task<IReadOnlyList<long>> ListEvaluationAsync(string annotator, LabelShares shares, int limit, CancellationToken cancellationToken = default);

    /// <summary>Pieces chosen for two annotators that another annotator has labelled and <paramref name="annotator"/> has not (nor skipped).</summary>
    Task<IReadOnlyList<long>> ListAwaitingSecondAsync(string annotator, LabelShares shares, int limit, CancellationToken cancellationToken = default);

    /// <summary>The pieces <paramref name="annotator"/> labelled or skipped most recently, newest first.</summary>
    Task<IReadOnlyList<long>> ListRecentAsync(string annotator, int count, CancellationToken cancellationToken = default);

    /// <summary>How many pieces <paramref name="annotator"/> has labelled, and how many of them in the evaluation slice.</summary>
    Task<(int Pieces, int Holdout)> CountMineAsync(string annotator, CancellationToken cancellationToken = default);

    /// <summary>Authors and outlet of each piece.</summary>
    Task<IReadOnlyDictionary<long, PieceFacets>> GetFacetsAsync(IReadOnlyCollection<long> pieceIds, CancellationToken cancellationToken = default);
}
