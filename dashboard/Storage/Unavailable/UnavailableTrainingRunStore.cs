namespace StanceBoard.Dashboard.Storage.Unavailable;

/// <summary>The training-run store on PostgreSQL, until it keeps runs: every call says why it cannot.</summary>
internal sealed class UnavailableTrainingRunStore : ITrainingRunStore
{
    public Task<long> StartAsync(string requestedBy, string? baselineVersion, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task UpdateAsync(long id, string state, string? candidateVersion, string? resultJson, string? error, bool finished, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<bool> DecideAsync(long id, string decision, string decidedBy, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<TrainingRunRecord?> GetAsync(long id, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<IReadOnlyList<TrainingRunRecord>> ListAsync(int limit, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<int> AbandonRunningAsync(CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();
}
