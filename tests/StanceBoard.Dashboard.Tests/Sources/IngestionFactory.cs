using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Sources;

/// <summary>The app with web ingestion pointed at loopback: private networks allowed, no politeness, a fast polling tick.</summary>
public sealed class IngestionFactory : StanceBoardFactory
{
    public IngestionFactory()
        : this(null, seedDefaults: false)
    {
    }

    private IngestionFactory(string? folder, bool seedDefaults)
        : base(useKestrel: false, folder, Settings(seedDefaults))
    {
    }

    /// <summary>An app over a folder the caller owns (to restart on the same database).</summary>
    public static IngestionFactory Create(string folder) => new(folder, seedDefaults: false);

    /// <summary>An app that seeds the shipped default sources.</summary>
    public static IngestionFactory WithDefaults(string? folder = null) => new(folder, seedDefaults: true);

    private static Dictionary<string, string?> Settings(bool seedDefaults) => new()
    {
        ["Ingestion:AllowPrivateNetworks"] = "true",
        ["Ingestion:Fetch:Politeness"] = "false",
        ["Ingestion:Fetch:RetryBaseDelay"] = "00:00:00.020",
        ["Ingestion:Polling:Tick"] = "00:00:00.100",
        ["Ingestion:Polling:SeedDefaultSources"] = seedDefaults ? "true" : "false",
    };
}
