using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Sources;

/// <summary>
/// The app with the source poller off: for tests that read and write source rows themselves, so
/// a poll in the background cannot lease or reschedule a source between their steps.
/// </summary>
public sealed class QuietIngestionFactory() : StanceBoardFactory(useKestrel: false, folder: null, new Dictionary<string, string?>
{
    ["Ingestion:Polling:Enabled"] = "false",
    ["Ingestion:Polling:SeedDefaultSources"] = "false",
});
