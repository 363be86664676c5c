using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Pipeline;

namespace StanceBoard.Dashboard.Sources;

/// <summary>
/// Registers web ingestion: one shared <see cref="WebFetcher"/> (options <c>Ingestion:Fetch</c>,
/// SSRF switch <c>Ingestion:AllowPrivateNetworks</c>), the pipeline over the store, and the
/// default-source seeder. The polling service is added by the web app only.
/// </summary>
internal static class WebIngestionServices
{
    public const string AllowPrivateNetworksKey = "Ingestion:AllowPrivateNetworks";

    public static IServiceCollection AddWebIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FetchOptions>()
            .BindConfiguration(FetchOptions.SectionName)
            .PostConfigure(o =>
            {
                if (configuration.GetValue<bool?>(AllowPrivateNetworksKey) is { } allow)
                {
                    o.AllowPrivateNetworks = allow;
                }
            })
            .ValidateDataAnnotations()
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.TotalTimeout >= o.AttemptTimeout, "Ingestion:Fetch:AttemptTimeout must be positive and no longer than TotalTimeout.")
            .ValidateOnStart();
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PollingOptions>().BindConfiguration(PollingOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Tick >= TimeSpan.FromMilliseconds(10), "Ingestion:Polling:Tick must be at least 10 ms.")
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(1), "Ingestion:Polling:LeaseDuration must be at least 1 second.")
            .ValidateOnStart();
        services.AddSingleton(sp => new WebFetcher(sp.GetRequiredService<IOptions<FetchOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IIngestionState, StoreIngestionState>();
        services.AddSingleton(sp => new WebIngestionPipeline(
            sp.GetRequiredService<WebFetcher>(),
            sp.GetRequiredService<IIngestionState>(),
            sp.GetRequiredService<IOptions<IngestionOptions>>().Value));
        services.AddSingleton<WebIngestion>();
        services.AddSingleton<DefaultSourceSeeder>();
        return services;
    }
}
