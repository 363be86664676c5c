namespace StanceBoard.Ingestion.Fetching;

/// <summary>How a fetch ended, as recorded in the fetch log.</summary>
public enum FetchErrorKind
{
    /// <summary>The fetch succeeded with content.</summary>
    None = 0,

    /// <summary>The server answered 304: the content is unchanged since the stored validators.</summary>
    NotModified,

    /// <summary>An attempt or the whole fetch took longer than its timeout.</summary>
    Timeout,

    /// <summary>The server answered with an error status (4xx or 5xx) after retries.</summary>
    HttpStatus,

    /// <summary>The connection failed, was reset, or the response ended before its declared length.</summary>
    Network,

    /// <summary>The body is larger than <see cref="FetchOptions.MaxResponseBytes"/>.</summary>
    TooLarge,

    /// <summary>The decompressed body is larger than <see cref="FetchOptions.MaxDecompressedBytes"/>.</summary>
    DecompressionBomb,

    /// <summary>The body could not be decompressed or parsed (bad gzip, malformed XML or JSON).</summary>
    Malformed,

    /// <summary>The document declares a DTD, which is refused (entity expansion, external entities).</summary>
    DtdProhibited,

    /// <summary>The URL or a redirect resolves to an address the SSRF guard refuses.</summary>
    Ssrf,

    /// <summary>robots.txt disallows the URL for this user agent.</summary>
    RobotsDisallowed,

    /// <summary>A redirect points back to a URL already visited.</summary>
    RedirectLoop,

    /// <summary>More redirects than <see cref="FetchOptions.MaxRedirects"/>.</summary>
    TooManyRedirects,

    /// <summary>The host's circuit breaker is open after repeated failures.</summary>
    CircuitOpen,

    /// <summary>The body is binary (an image, archive, PDF…) where text was expected.</summary>
    Binary,

    /// <summary>The declared charset is unknown and the body is not valid UTF-8.</summary>
    BadCharset,

    /// <summary>The URL is not absolute http(s), or the document is of a kind that cannot be ingested.</summary>
    Unsupported,

    /// <summary>The page was fetched but holds no article text.</summary>
    NoContent,

    /// <summary>The caller cancelled the fetch.</summary>
    Cancelled,

    /// <summary>Reading the item failed unexpectedly (a fault in the reader, not in the response); the item is skipped and the rest go on.</summary>
    Unreadable,
}
