namespace StanceBoard.Ingestion.Fetching;

/// <summary>Counts attempts across the retries and redirect hops of one fetch, and remembers why the last one failed.</summary>
internal sealed class AttemptInfo
{
    public static readonly HttpRequestOptionsKey<AttemptInfo> Key = new("StanceBoard.AttemptInfo");

    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public string? LastFailure { get; set; }

    public TimeSpan? RetryAfterRefused { get; set; }

    public void CountAttempt() => Interlocked.Increment(ref _attempts);
}
