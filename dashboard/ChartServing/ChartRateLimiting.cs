using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace StanceBoard.Dashboard.ChartServing;

/// <summary>
/// The ASP.NET Core rate limiter policy of the heavy anonymous endpoints (charts): a token bucket
/// per client address (IPv6 per /64, so one host cannot rotate its way out), sized by
/// <see cref="ChartServingOptions.AnonymousBurst"/> and <see cref="ChartServingOptions.AnonymousPerMinute"/>.
/// Requests with a valid API key (writers and admins) are not limited here; the render gate still
/// bounds their work. Refusals are 429 problem+json with Retry-After.
/// </summary>
internal static class ChartRateLimiting
{
    /// <summary>The policy name for <c>RequireRateLimiting</c>.</summary>
    public const string AnonymousCharts = "anonymous-charts";

    public static IServiceCollection AddChartRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
            limiter.AddPolicy(AnonymousCharts, http =>
            {
                if (http.User.Identity?.IsAuthenticated == true)
                {
                    return RateLimitPartition.GetNoLimiter("authenticated");
                }

                var options = http.RequestServices.GetRequiredService<IOptions<ChartServingOptions>>().Value;

                // Refill every second (the limiter's timer ticks at 100 ms), or one token per longer period for slow rates.
                var perMinute = options.AnonymousPerMinute;
                return RateLimitPartition.GetTokenBucketLimiter(ClientPartition(http.Connection.RemoteIpAddress), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.AnonymousBurst,
                    TokensPerPeriod = perMinute >= 60 ? perMinute / 60 : 1,
                    ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1) / perMinute,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }

    /// <summary>The partition of a client address: IPv4 as is, IPv6 by its /64 network.</summary>
    public static string ClientPartition(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
                detail: $"Too many chart requests from this address; try again in {seconds} s. Charts downloaded with an API key are not limited this way.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests")
            .ExecuteAsync(http);
    }
}
