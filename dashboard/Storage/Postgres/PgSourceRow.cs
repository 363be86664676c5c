using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>A <c>sources</c> row as Dapper fills it (by property name).</summary>
internal class PgSourceRow
{
    public long Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Url { get; init; }

    public string Kind { get; init; } = "auto";

    public string? Outlet { get; init; }

    public int PollIntervalSeconds { get; init; }

    public bool Enabled { get; init; }

    public string Origin { get; init; } = "user";

    public DateTime CreatedUtc { get; init; }

    public DateTime? NextPollUtc { get; init; }

    public DateTime? LastAttemptUtc { get; init; }

    public DateTime? LastSuccessUtc { get; init; }

    public DateTime? LastErrorUtc { get; init; }

    public string? LastError { get; init; }

    public string? LastErrorKind { get; init; }

    public int ConsecutiveFailures { get; init; }

    public string CircuitState { get; init; } = "closed";

    public StoredSource ToSource() => new()
    {
        Id = Id,
        Name = Name,
        Url = Url ?? string.Empty,
        Kind = Enum.TryParse<SourceKind>(Kind, ignoreCase: true, out var kind) ? kind : SourceKind.Auto,
        Outlet = Outlet,
        PollInterval = TimeSpan.FromSeconds(PollIntervalSeconds),
        Enabled = Enabled,
        Origin = Origin,
        CreatedUtc = PgTime.FromDb(CreatedUtc),
        NextPollUtc = PgTime.FromDb(NextPollUtc),
        Health = new SourceHealth
        {
            LastAttempt = PgTime.FromDb(LastAttemptUtc),
            LastSuccess = PgTime.FromDb(LastSuccessUtc),
            LastFailure = PgTime.FromDb(LastErrorUtc),
            LastError = LastError,
            LastErrorKind = Enum.TryParse<FetchErrorKind>(LastErrorKind, out var errorKind) ? errorKind : null,
            ConsecutiveFailures = ConsecutiveFailures,
            Circuit = SourceText.ParseCircuit(CircuitState),
        },
    };
}
