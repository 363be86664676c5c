namespace StanceBoard.Dashboard.ChartServing;

/// <summary>Registers the chart caches, the render gate, the data-state follower, the memory trimmer and the anonymous rate limit.</summary>
internal static class ChartServingServices
{
    public static IServiceCollection AddChartServing(this IServiceCollection services)
    {
        services.AddOptions<ChartServingOptions>().BindConfiguration(ChartServingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChartDataState>();
        services.AddSingleton<Pipeline.IPieceScoredSink>(sp => sp.GetRequiredService<ChartDataState>());
        services.AddSingleton<Pipeline.IPiecesRemovedSink>(sp => sp.GetRequiredService<ChartDataState>());
        services.AddSingleton<Models.IRescoreProgressSink>(sp => sp.GetRequiredService<ChartDataState>());
        services.AddSingleton<ObservationCache>();
        services.AddSingleton<RenderedChartCache>();
        services.AddSingleton<ChartRenderGate>();
        services.AddSingleton<ChartProducer>();
        services.AddSingleton<ChartMemoryTrimmer>();
        services.AddHostedService(sp => sp.GetRequiredService<ChartMemoryTrimmer>());
        services.AddChartRateLimiting();
        return services;
    }
}
