namespace StanceBoard.Dashboard.LiveCharts;

/// <summary>What became of a subscription.</summary>
public enum SubscribeResult
{
    /// <summary>The connection follows the chart (also when it already did).</summary>
    Subscribed,

    /// <summary>The connection already follows <see cref="ChartSubscriptions.MaxPerConnection"/> charts.</summary>
    ConnectionFull,

    /// <summary>The server already follows <see cref="LiveChartsOptions.MaxKeys"/> distinct charts and this is a new one.</summary>
    ServerFull,
}
