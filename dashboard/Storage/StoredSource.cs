using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Storage;

/// <summary>A web source as stored, with its health and schedule.</summary>
public sealed record StoredSource
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public required string Url { get; init; }

    public SourceKind Kind { get; init; }

    public string? Outlet { get; init; }

    public TimeSpan PollInterval { get; init; } = WebSource.DefaultPollInterval;

    public bool Enabled { get; init; } = true;

    /// <summary><c>config</c> for a default source seeded from configuration, <c>user</c> for one added by API or CLI.</summary>
    public string Origin { get; init; } = "user";

    public DateTimeOffset CreatedUtc { get; init; }

    public DateTimeOffset? NextPollUtc { get; init; }

    public SourceHealth Health { get; init; } = SourceHealth.New;

    /// <summary>The source as the ingestion pipeline sees it (its id is the stored id as text).</summary>
    public WebSource ToWebSource() => new()
    {
        Id = Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Url = new Uri(Url),
        Name = Name,
        Kind = Kind,
        Outlet = Outlet,
        PollInterval = PollInterval,
        Enabled = Enabled,
        Health = Health,
    };
}
