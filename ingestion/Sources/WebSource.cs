namespace StanceBoard.Ingestion.Sources;

/// <summary>A web source that is polled: a feed, a sitemap or a single article URL.</summary>
public sealed record WebSource
{
    /// <summary>The default poll interval.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMinutes(30);

    /// <summary>A stable id (a slug such as <c>crisisgroup-europe</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The URL polled.</summary>
    public required Uri Url { get; init; }

    /// <summary>A display name, when given.</summary>
    public string? Name { get; init; }

    /// <summary>What the source is; <see cref="SourceKind.Auto"/> to detect it.</summary>
    public SourceKind Kind { get; init; }

    /// <summary>How often it is polled when healthy.</summary>
    /// <value>Defaults to 30 minutes.</value>
    public TimeSpan PollInterval { get; init; } = DefaultPollInterval;

    /// <summary>Whether it is polled; a paused source keeps its state.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>The outlet its pieces belong to, when the pages do not say.</summary>
    public string? Outlet { get; init; }

    /// <summary>How it has been doing.</summary>
    public SourceHealth Health { get; init; } = SourceHealth.New;
}
