using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Storage;

/// <summary>How source rows are read, and source kinds and circuit states written, in every store (and shown in the API).</summary>
internal static class SourceText
{
    /// <summary>The <c>sources</c> columns every store selects, named as its row type's properties (the schema is the same on SQLite and PostgreSQL).</summary>
    public const string Columns = """
        id, name, url, kind, outlet, poll_interval_seconds AS PollIntervalSeconds, enabled, origin, created_utc AS CreatedUtc,
        next_poll_utc AS NextPollUtc, last_attempt_utc AS LastAttemptUtc, last_success_utc AS LastSuccessUtc, last_error_utc AS LastErrorUtc,
        last_error AS LastError, last_error_kind AS LastErrorKind, consecutive_failures AS ConsecutiveFailures, circuit_state AS CircuitState
        """;

    public static string Kind(SourceKind kind) => kind.ToString().ToLowerInvariant();

    public static string Circuit(HostCircuitState state) => state switch
    {
        HostCircuitState.Open => "open",
        HostCircuitState.HalfOpen => "half-open",
        _ => "closed",
    };

    public static HostCircuitState ParseCircuit(string? text) => text switch
    {
        "open" => HostCircuitState.Open,
        "half-open" => HostCircuitState.HalfOpen,
        _ => HostCircuitState.Closed,
    };
}
