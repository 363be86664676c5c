using System.Diagnostics;

namespace StanceBoard.Ingestion;

/// <summary>The spans ingestion reports (fetch, extract, one per item of a poll), under the activity source <c>StanceBoard.Ingestion</c>.</summary>
public static class IngestionTelemetry
{
    /// <summary>The activity source's name, for an OpenTelemetry tracer to listen to.</summary>
    public const string Name = "StanceBoard.Ingestion";

    /// <summary>The activity source.</summary>
    public static readonly ActivitySource Activities = new(Name);
}
