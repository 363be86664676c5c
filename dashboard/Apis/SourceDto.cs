using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Apis;

/// <summary>A source as the API shows it (credentials in its URL hidden).</summary>
public sealed record SourceDto(
    long Id,
    string Name,
    string Url,
    string Kind,
    string? Outlet,
    bool Enabled,
    int PollIntervalMinutes,
    string Origin,
    DateTimeOffset CreatedUtc,
    DateTimeOffset? NextPoll,
    SourceHealthDto Health)
{
    public static SourceDto From(StoredSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new(
            source.Id,
            UrlRedaction.Redact(source.Name),
            UrlRedaction.Redact(source.Url),
            SourceText.Kind(source.Kind),
            source.Outlet,
            source.Enabled,
            (int)Math.Round(source.PollInterval.TotalMinutes),
            source.Origin,
            source.CreatedUtc,
            source.NextPollUtc,
            new SourceHealthDto(
                source.Health.LastAttempt,
                source.Health.LastSuccess,
                source.Health.LastFailure,
                source.Health.LastErrorKind?.ToString(),
                UrlRedaction.RedactOrNull(source.Health.LastError),
                source.Health.ConsecutiveFailures,
                SourceText.Circuit(source.Health.Circuit)));
    }
}

/// <summary>A source's health: last success and failure, consecutive failures, its host's circuit.</summary>
public sealed record SourceHealthDto(
    DateTimeOffset? LastAttempt,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    string? LastErrorKind,
    string? LastError,
    int ConsecutiveFailures,
    string CircuitState);
