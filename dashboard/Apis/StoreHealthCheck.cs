using Microsoft.Extensions.Diagnostics.HealthChecks;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Apis;

/// <summary>The store's health check: the store answers a query and reports its schema version and piece count.</summary>
internal sealed class StoreHealthCheck(IStanceStore store) : IHealthCheck
{
    /// <summary>The check's name in the health report.</summary>
    public const string Name = "store";

    /// <summary>The key of the <see cref="StoreHealth"/> in the check's data.</summary>
    public const string DataKey = "store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await store.CheckHealthAsync(cancellationToken);
        var data = new Dictionary<string, object> { [DataKey] = health };
        return health.Ok
            ? HealthCheckResult.Healthy("The store answers.", data)
            : HealthCheckResult.Unhealthy(health.Error ?? "The store does not answer.", data: data);
    }
}
