using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Storage;

/// <summary>How source kinds and circuit states are written in every store and shown in the API.</summary>
internal static class SourceText
{
    public static string Kind(SourceKind kind) => kind.ToString().ToLowerInvariant();

    public static string Circuit(HostCircuitState state) => state switch
    {
        HostCircuitState.Open => "open",
        HostCircuitState.HalfOpen => "half-open",
        _ => "closed",
    };

    public static HostCircuitState ParseCircuit(string? text) => text switch
    {
        "open" => HostCircuitState.Open,
        "half-open" => HostCircuitState.HalfOpen,
        _ => HostCircuitState.Closed,
    };
}
