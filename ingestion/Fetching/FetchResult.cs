using System.Net;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>The outcome of <see cref="WebFetcher.FetchAsync"/>: the decoded body on success, the log entry always.</summary>
public sealed record FetchResult
{
    /// <summary>The fetch-log entry for this fetch.</summary>
    public required FetchLogEntry Log { get; init; }

    /// <summary>The URL after redirects.</summary>
    public required Uri FinalUrl { get; init; }

    /// <summary>The HTTP status of the final response, when one arrived.</summary>
    public HttpStatusCode? Status => Log.Status;

    /// <summary>The media type of the body (e.g. <c>application/rss+xml</c>), lower-case, when declared.</summary>
    public string? MediaType { get; init; }

    /// <summary>The charset the body was decoded with.</summary>
    public string? Charset { get; init; }

    /// <summary>The decoded body; empty unless <see cref="Succeeded"/>.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The validators to send on the next fetch of the same URL.</summary>
    public HttpValidators? Validators { get; init; }

    /// <summary>Whether fresh content arrived.</summary>
    public bool Succeeded => Log.ErrorKind == FetchErrorKind.None;

    /// <summary>Whether the server said the content is unchanged (HTTP 304).</summary>
    public bool NotModified => Log.ErrorKind == FetchErrorKind.NotModified;

    /// <summary>The error kind, <see cref="FetchErrorKind.None"/> on success.</summary>
    public FetchErrorKind ErrorKind => Log.ErrorKind;

    /// <summary>Whether trying again later may succeed (network faults, timeouts, 5xx, 429, open circuit).</summary>
    public bool IsTransient => ErrorKind switch
    {
        FetchErrorKind.Timeout or FetchErrorKind.Network or FetchErrorKind.CircuitOpen or FetchErrorKind.Cancelled => true,
        FetchErrorKind.HttpStatus => Status is null || (int)Status >= 500 || Status == HttpStatusCode.TooManyRequests || Status == HttpStatusCode.RequestTimeout,
        _ => false,
    };
}
