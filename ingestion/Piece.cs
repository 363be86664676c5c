namespace StanceBoard.Ingestion;

/// <summary>
/// A piece of commentary as ingestion hands it on: the article with its metadata, before
/// any analysis. Unknown fields stay <see langword="null"/> (never a made-up date or author).
/// </summary>
public sealed record Piece
{
    /// <summary>The headline.</summary>
    public required string Title { get; init; }

    /// <summary>The clean body text (boilerplate removed), paragraphs separated by blank lines.</summary>
    public required string Text { get; init; }

    /// <summary>The authors' names, without honorifics or handles.</summary>
    /// <value>Empty when unknown.</value>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The publication ("RUSI", "Caucasus Watch"), when known.</summary>
    public string? Outlet { get; init; }

    /// <summary>The canonical URL, when the piece came from the web.</summary>
    public string? Url { get; init; }

    /// <summary>When it was published, when the source says so.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>ISO 639-1 language code, when known.</summary>
    public string? Language { get; init; }

    /// <summary>Where it came from: a file path, a feed or an API client, for logs and the fetch log.</summary>
    public string? Origin { get; init; }

    /// <summary>The hash of the normalised text, used to recognise the same piece twice.</summary>
    public string ContentHash => field ??= Dedupe.ContentHash.Compute(Text);
}
