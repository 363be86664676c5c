using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Telemetry;

/// <summary>
/// OpenTelemetry for the dashboard and the worker: the <c>StanceBoard</c> meter and activity
/// sources (and ASP.NET Core's in a web instance), exported by configuration: OTLP and, in a web
/// instance, a Prometheus scrape endpoint at <c>/metrics</c>. Nothing is collected when no
/// exporter is on.
/// </summary>
internal static class TelemetryServices
{
    public static IServiceCollection AddStanceBoardTelemetry(this IServiceCollection services, IConfiguration configuration, bool web)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(o => o.OtlpEndpoint is null || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _), "Telemetry:OtlpEndpoint must be an absolute URL such as http://localhost:4317.")
            .ValidateOnStart();
        if (!options.Enabled)
        {
            return services;
        }

        var instance = new StoreInstance();
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(web ? "stanceboard" : "stanceboard-worker", serviceInstanceId: instance.Id))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(StanceBoardTelemetry.Name);
                if (web)
                {
                    metrics.AddAspNetCoreInstrumentation();
                }

                if (options.Otlp)
                {
                    metrics.AddOtlpExporter(o => SetEndpoint(o, options));
                }

                if (options.Prometheus && web)
                {
                    metrics.AddPrometheusExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(StanceBoardTelemetry.Name, Ingestion.IngestionTelemetry.Name);
                if (web)
                {
                    tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/metrics"));
                }

                if (options.Otlp)
                {
                    tracing.AddOtlpExporter(o => SetEndpoint(o, options));
                }
            });
        return services;
    }

    /// <summary>Maps <c>/metrics</c> when the Prometheus exporter is on.</summary>
    public static WebApplication MapStanceBoardTelemetry(this WebApplication app)
    {
        var options = app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        return app;
    }

    private static void SetEndpoint(OpenTelemetry.Exporter.OtlpExporterOptions exporter, TelemetryOptions options)
    {
        if (options.OtlpEndpoint is { Length: > 0 } endpoint)
        {
            exporter.Endpoint = new Uri(endpoint);
        }
    }
}
