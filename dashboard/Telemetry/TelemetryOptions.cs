namespace StanceBoard.Dashboard.Telemetry;

/// <summary>Metrics and traces export. Section <c>Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// Send metrics and traces over OTLP to <see cref="OtlpEndpoint"/> (or the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable when that is empty).
    /// </summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool Otlp { get; set; }

    /// <summary>The OTLP collector, e.g. <c>http://localhost:4317</c> (gRPC) .</summary>
    /// <value>Defaults to none (the exporter's own default, <c>http://localhost:4317</c>).</value>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Serve metrics for Prometheus to scrape at <c>/metrics</c> (web instances only).</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool Prometheus { get; set; }

    /// <summary>Whether any exporter is on.</summary>
    public bool Enabled => Otlp || Prometheus;
}
