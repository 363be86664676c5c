namespace StanceBoard.Dashboard.Storage;

/// <summary>
/// A named lock held across every process on the store, for work that must run once however many
/// instances start at the same time (first-start work: the default model, API key, seeded sources).
/// PostgreSQL uses a session advisory lock: the second caller waits until the first releases it.
/// </summary>
public interface IStoreLock
{
    /// <summary>Waits for the lock called <paramref name="name"/>; dispose the result to release it.</summary>
    Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken = default);
}
