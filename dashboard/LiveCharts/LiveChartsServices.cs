namespace StanceBoard.Dashboard.LiveCharts;

/// <summary>Registers chart subscriptions and the coalescing refresh loop (which follows <see cref="ChartServing.ChartDataState"/>).</summary>
internal static class LiveChartsServices
{
    public static IServiceCollection AddLiveCharts(this IServiceCollection services)
    {
        services.AddOptions<LiveChartsOptions>().BindConfiguration(LiveChartsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChartSubscriptions>();
        services.AddSingleton<ChartRefreshService>();
        services.AddHostedService(sp => sp.GetRequiredService<ChartRefreshService>());
        return services;
    }
}
