namespace StanceBoard.Ingestion.Sources;

/// <summary>
/// When a source is next due: its poll interval with ±10 % jitter (so sources added together do
/// not poll in lock-step), doubled for each consecutive failure up to a day.
/// </summary>
public static class SourceSchedule
{
    /// <summary>The longest back-off after repeated failures.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(24);

    /// <summary>The next poll time after a poll at <paramref name="polledAt"/>.</summary>
    /// <param name="source">The source, with its health after the poll.</param>
    /// <param name="polledAt">When the poll happened.</param>
    /// <param name="random">Jitter source.</param>
    public static DateTimeOffset NextPoll(WebSource source, DateTimeOffset polledAt, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(random);
        var interval = source.PollInterval <= TimeSpan.Zero ? WebSource.DefaultPollInterval : source.PollInterval;
        var failures = Math.Min(source.Health.ConsecutiveFailures, 10);
        var backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, interval.Ticks * (1L << failures)));
        if (backoff < interval)
        {
            backoff = interval;
        }

        var jitter = 1 + ((random.NextDouble() * 0.2) - 0.1);
        return polledAt + TimeSpan.FromTicks((long)(backoff.Ticks * jitter));
    }

    /// <summary>The first poll time of a source never polled: within one interval, spread by jitter.</summary>
    public static DateTimeOffset FirstPoll(WebSource source, DateTimeOffset now, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(random);
        var spread = Math.Min(source.PollInterval.Ticks, TimeSpan.FromMinutes(1).Ticks);
        return now + TimeSpan.FromTicks((long)(spread * random.NextDouble()));
    }
}
