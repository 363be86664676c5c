using StanceBoard.Ingestion.Fetching;

namespace StanceBoard.Ingestion.Sources;

/// <summary>How a source has been doing: the outcome of its last polls and its host's circuit.</summary>
public sealed record SourceHealth
{
    /// <summary>A source never polled.</summary>
    public static SourceHealth New { get; } = new();

    /// <summary>When the last poll started.</summary>
    public DateTimeOffset? LastAttempt { get; init; }

    /// <summary>When a poll last succeeded (a 304 counts).</summary>
    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>When a poll last failed.</summary>
    public DateTimeOffset? LastFailure { get; init; }

    /// <summary>What the last failure was.</summary>
    public FetchErrorKind? LastErrorKind { get; init; }

    /// <summary>The last failure's message.</summary>
    public string? LastError { get; init; }

    /// <summary>Failed polls since the last success.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>The circuit state of the source's host after the last poll.</summary>
    public HostCircuitState Circuit { get; init; }

    /// <summary>Returns the health after a successful poll at <paramref name="at"/>.</summary>
    public SourceHealth Succeeded(DateTimeOffset at, HostCircuitState circuit) =>
        this with { LastAttempt = at, LastSuccess = at, ConsecutiveFailures = 0, Circuit = circuit };

    /// <summary>Returns the health after a failed poll at <paramref name="at"/>.</summary>
    public SourceHealth Failed(DateTimeOffset at, FetchErrorKind kind, string? message, HostCircuitState circuit) =>
        this with
        {
            LastAttempt = at,
            LastFailure = at,
            LastErrorKind = kind,
            LastError = message,
            ConsecutiveFailures = ConsecutiveFailures + 1,
            Circuit = circuit,
        };
}
