namespace StanceBoard.Ingestion.Fetching;

/// <summary>The state of one host's circuit breaker.</summary>
public enum HostCircuitState
{
    /// <summary>Requests flow.</summary>
    Closed = 0,

    /// <summary>Requests are refused until the break duration ends.</summary>
    Open,

    /// <summary>One trial request is allowed to test whether the host recovered.</summary>
    HalfOpen,
}
