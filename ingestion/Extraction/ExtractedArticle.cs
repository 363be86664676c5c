namespace StanceBoard.Ingestion.Extraction;

/// <summary>What an extractor found in one document. Unknown fields stay <see langword="null"/>.</summary>
public sealed record ExtractedArticle
{
    /// <summary>The headline; empty when the document has none.</summary>
    public required string Title { get; init; }

    /// <summary>The main text, paragraphs separated by blank lines.</summary>
    public required string Text { get; init; }

    /// <summary>Author names, cleaned of honorifics and handles.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The site or publication name.</summary>
    public string? Outlet { get; init; }

    /// <summary>Publication time, only when the document states it.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Last modification time, only when the document states it.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>ISO 639-1 language code, when declared or detected.</summary>
    public string? Language { get; init; }

    /// <summary>The canonical URL (tracking parameters dropped), when known.</summary>
    public string? CanonicalUrl { get; init; }
}
