using StanceBoard.Ingestion.Fetching;

namespace StanceBoard.Dashboard.Storage;

/// <summary>One stored fetch-log line.</summary>
public sealed record FetchLogRecord(
    long Id,
    long? SourceId,
    string Url,
    string? FinalUrl,
    DateTimeOffset StartedUtc,
    int? Status,
    long? Bytes,
    long? ElapsedMs,
    int? Attempts,
    FetchErrorKind ErrorKind,
    string? Error);
