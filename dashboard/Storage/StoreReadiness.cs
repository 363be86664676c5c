namespace StanceBoard.Dashboard.Storage;

/// <summary>
/// Whether the first-start work on the store (migrations, targets, the active model) is done.
/// Background work waits for it; until then the API answers 503 naming the problem, so a board
/// started while PostgreSQL is down serves its health page and comes up by itself.
/// </summary>
public sealed class StoreReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once the store is prepared.</summary>
    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Why the store is not ready yet, when known.</summary>
    public string? Problem { get; private set; }

    public void MarkReady()
    {
        Problem = null;
        _ready.TrySetResult();
    }

    public void SetProblem(string problem) => Problem = problem;

    /// <summary>Waits until the store is prepared.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);
}
