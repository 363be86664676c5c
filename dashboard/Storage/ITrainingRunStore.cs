namespace StanceBoard.Dashboard.Storage;

/// <summary>Training runs started from the model page (table <c>training_runs</c>, migration 6).</summary>
public interface ITrainingRunStore
{
    /// <summary>Records a run that has just started; returns its id.</summary>
    Task<long> StartAsync(string requestedBy, string? baselineVersion, CancellationToken cancellationToken = default);

    /// <summary>Records a run's state, candidate and result.</summary>
    Task UpdateAsync(long id, string state, string? candidateVersion, string? resultJson, string? error, bool finished, CancellationToken cancellationToken = default);

    /// <summary>Records an admin's decision (promoted or discarded) on a finished run; false when the run is unknown, unfinished or decided already.</summary>
    Task<bool> DecideAsync(long id, string decision, string decidedBy, CancellationToken cancellationToken = default);

    Task<TrainingRunRecord?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The latest runs, newest first.</summary>
    Task<IReadOnlyList<TrainingRunRecord>> ListAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Marks runs left "running" by a process that stopped as failed (at start-up).</summary>
    Task<int> AbandonRunningAsync(CancellationToken cancellationToken = default);
}
