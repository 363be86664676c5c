using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StanceBoard.Dashboard.Telemetry;

/// <summary>
/// The meter and activity source every part of the dashboard reports to (both named
/// <c>StanceBoard</c>; ingestion's fetch and extract spans come from <c>StanceBoard.Ingestion</c>).
/// Exported through OpenTelemetry when <c>Telemetry:*</c> turns an exporter on.
/// </summary>
public static class StanceBoardTelemetry
{
    public const string Name = "StanceBoard";

    public static readonly ActivitySource Activities = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Pieces stored new (<c>origin</c>: web, api, file, demo).</summary>
    public static readonly Counter<long> PiecesIngested = Meter.CreateCounter<long>("stanceboard.pieces.ingested", "{piece}", "Pieces stored and scored for the first time.");

    /// <summary>Pieces not stored again (<c>kind</c>: exact, near, url).</summary>
    public static readonly Counter<long> PiecesDeduplicated = Meter.CreateCounter<long>("stanceboard.pieces.deduplicated", "{piece}", "Pieces recognised as already stored (same text, same URL, or a syndicated copy).");

    /// <summary>HTTP fetches by outcome (<c>kind</c>: ok, not_modified, timeout, network, http_status, …).</summary>
    public static readonly Counter<long> FetchOutcomes = Meter.CreateCounter<long>("stanceboard.fetch.outcomes", "{fetch}", "Fetches of feeds, sitemaps and pages by outcome.");

    public static readonly Histogram<double> ScoringDuration = Meter.CreateHistogram<double>("stanceboard.scoring.duration", "ms", "Time to score one piece towards every target.");

    public static readonly Histogram<double> RenderDuration = Meter.CreateHistogram<double>("stanceboard.chart.render.duration", "ms", "Time to render one chart (live, a page's view or a file), when not served from the chart cache.");

    public static readonly UpDownCounter<long> HubConnections = Meter.CreateUpDownCounter<long>("stanceboard.hub.connections", "{connection}", "Open hub connections on this instance.");

    /// <summary>Hub messages (<c>direction</c>: in, out; <c>method</c>).</summary>
    public static readonly Counter<long> HubMessages = Meter.CreateCounter<long>("stanceboard.hub.messages", "{message}", "Hub messages sent to and received from pages.");

    public static readonly Counter<long> LeaseTakeovers = Meter.CreateCounter<long>("stanceboard.leases.takeovers", "{lease}", "Sources (or re-scoring chunks) taken over after another poller's lease ran out.");

    /// <summary>Source polls by outcome (<c>outcome</c>: succeeded, failed).</summary>
    public static readonly Counter<long> SourcePolls = Meter.CreateCounter<long>("stanceboard.sources.polls", "{poll}", "Polls of web sources.");
}
