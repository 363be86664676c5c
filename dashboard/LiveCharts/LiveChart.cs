using StanceBoard.Dashboard.Charts;

namespace StanceBoard.Dashboard.LiveCharts;

/// <summary>One live render: a canonical chart and the subscribed keys it is sent under.</summary>
/// <param name="RenderKey">The canonical key: one render serves every key here.</param>
/// <param name="Name">The chart name.</param>
/// <param name="Request">The canonical request (live size, no custom texts).</param>
/// <param name="Keys">The keys as clients subscribed them (each is a hub group).</param>
/// <param name="Subscribers">Subscriptions over all keys.</param>
public sealed record LiveChart(string RenderKey, string Name, ChartRequest Request, IReadOnlyList<string> Keys, int Subscribers);
