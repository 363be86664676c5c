using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Apis;

/// <summary>A source with its latest fetch-log lines, newest first.</summary>
public sealed record SourceDetailDto(SourceDto Source, IReadOnlyList<FetchLogDto> FetchLog);

/// <summary>One fetch-log line.</summary>
public sealed record FetchLogDto(DateTimeOffset Started, string Url, string? FinalUrl, int? Status, long? Bytes, long? ElapsedMs, int? Attempts, string ErrorKind, string? Error)
{
    public static FetchLogDto From(FetchLogRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.StartedUtc, UrlRedaction.Redact(r.Url), UrlRedaction.RedactOrNull(r.FinalUrl), r.Status, r.Bytes, r.ElapsedMs, r.Attempts, r.ErrorKind.ToString(), UrlRedaction.RedactOrNull(r.Error));
    }
}
