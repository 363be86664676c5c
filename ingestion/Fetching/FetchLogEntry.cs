using System.Net;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>One line of the fetch log: what was asked, what came back, how long it took.</summary>
public sealed record FetchLogEntry
{
    /// <summary>The URL that was requested.</summary>
    public required string Url { get; init; }

    /// <summary>The URL after redirects; equal to <see cref="Url"/> when there were none.</summary>
    public string? FinalUrl { get; init; }

    /// <summary>The source this fetch was made for, when known.</summary>
    public string? SourceId { get; init; }

    /// <summary>When the fetch started (from the injected <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The last HTTP status received, when any response arrived.</summary>
    public HttpStatusCode? Status { get; init; }

    /// <summary>Bytes received on the wire for the final response (before decompression).</summary>
    public long Bytes { get; init; }

    /// <summary>Time from start to end, retries and redirects included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>How many HTTP attempts were made in total (retries and redirect hops included).</summary>
    public int Attempts { get; init; }

    /// <summary>How the fetch ended.</summary>
    public FetchErrorKind ErrorKind { get; init; }

    /// <summary>A sentence saying what went wrong, or <see langword="null"/> on success.</summary>
    public string? Error { get; init; }

    /// <summary>Whether the fetch produced fresh content.</summary>
    public bool Succeeded => ErrorKind == FetchErrorKind.None;
}
