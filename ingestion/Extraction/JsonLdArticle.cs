namespace StanceBoard.Ingestion.Extraction;

/// <summary>What the JSON-LD blocks of a page say about its article.</summary>
internal sealed record JsonLdArticle
{
    public string? Headline { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? Publisher { get; init; }

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Modified { get; init; }

    public string? Language { get; init; }

    public string? Url { get; init; }

    public string? Body { get; init; }
}
