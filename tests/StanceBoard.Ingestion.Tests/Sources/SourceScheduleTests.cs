using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Ingestion.Tests.Sources;

public sealed class SourceScheduleTests
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NextPoll_Healthy_IsIntervalWithinTenPercentJitter()
    {
        var source = new WebSource { Id = "s", Url = new Uri("https://a.example/feed"), PollInterval = TimeSpan.FromMinutes(30) };
        var random = new Random(1);

        var next = Enumerable.Range(0, 200).Select(_ => SourceSchedule.NextPoll(source, s_now, random) - s_now).ToList();

        next.ShouldAllBe(d => d >= TimeSpan.FromMinutes(27) && d <= TimeSpan.FromMinutes(33));
        next.Distinct().Count().ShouldBeGreaterThan(100, "jitter spreads sources");
    }

    [Fact]
    public void NextPoll_AfterFailures_BacksOffExponentiallyUpToADay()
    {
        var source = new WebSource { Id = "s", Url = new Uri("https://a.example/feed"), PollInterval = TimeSpan.FromMinutes(30) };
        var health = SourceHealth.New;
        for (var i = 0; i < 3; i++)
        {
            health = health.Failed(s_now, FetchErrorKind.Timeout, "slow", HostCircuitState.Closed);
        }

        var backedOff = SourceSchedule.NextPoll(source with { Health = health }, s_now, new Random(1)) - s_now;
        for (var i = 0; i < 20; i++)
        {
            health = health.Failed(s_now, FetchErrorKind.Timeout, "slow", HostCircuitState.Open);
        }

        var capped = SourceSchedule.NextPoll(source with { Health = health }, s_now, new Random(1)) - s_now;

        backedOff.TotalMinutes.ShouldBeInRange(216, 264);
        capped.ShouldBeLessThanOrEqualTo(TimeSpan.FromHours(26.5));
        health.ConsecutiveFailures.ShouldBe(23);
        health.Circuit.ShouldBe(HostCircuitState.Open);
        health.Succeeded(s_now, HostCircuitState.Closed).ConsecutiveFailures.ShouldBe(0);
    }
}
