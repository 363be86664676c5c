using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Pipeline;

namespace StanceBoard.Dashboard.LiveCharts;

/// <summary>Registers chart subscriptions and the coalescing refresh loop.</summary>
internal static class LiveChartsServices
{
    public static IServiceCollection AddLiveCharts(this IServiceCollection services)
    {
        services.AddSingleton<ChartSubscriptions>();
        services.AddSingleton<ChartRefreshService>();
        services.AddHostedService(sp => sp.GetRequiredService<ChartRefreshService>());
        services.AddSingleton<IPieceScoredSink>(sp => sp.GetRequiredService<ChartRefreshService>());
        services.AddSingleton<IRescoreProgressSink>(sp => sp.GetRequiredService<ChartRefreshService>());
        services.AddSingleton<IPiecesRemovedSink>(sp => sp.GetRequiredService<ChartRefreshService>());
        return services;
    }
}
