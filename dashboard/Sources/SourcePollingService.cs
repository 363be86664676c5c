using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Pipeline;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Sources;

/// <summary>
/// Polls due sources in the background. The schedule, validators and seen URLs live in the
/// store, so a restart resumes where it stopped without re-ingesting; a poll that dies
/// mid-batch saves no validators, so its remaining items come back on the next poll.
/// </summary>
internal sealed class SourcePollingService(
    ISourceStore sources,
    WebIngestion ingestion,
    WebFetcher fetcher,
    DefaultSourceSeeder seeder,
    IOptions<PollingOptions> options,
    TimeProvider time,
    ILogger<SourcePollingService> logger) : BackgroundService
{
    private readonly Random _random = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await seeder.SeedAsync(stoppingToken);
        if (!settings.Enabled)
        {
            logger.LogInformation("Polling of web sources is off (Ingestion:Polling:Enabled=false)");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollDueAsync(settings.MaxConcurrentSources, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A store hiccup must not stop polling for good; the next tick tries again.
                logger.LogError(ex, "Polling web sources failed; retrying in {Tick}", settings.Tick);
            }

            try
            {
                await Task.Delay(settings.Tick, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Polls every source that is due now; returns how many were polled.</summary>
    internal async Task<int> PollDueAsync(int parallel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await sources.ListDueSourcesAsync(now, 100, cancellationToken);
        var polled = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (source, ct) =>
        {
            if (source.NextPollUtc is null && source.Health.LastAttempt is null)
            {
                // New sources start within a minute, spread out, not all at once.
                await sources.ScheduleAsync(source.Id, SourceSchedule.FirstPoll(source.ToWebSource(), now, _random), ct);
                return;
            }

            await PollOneAsync(source, ct);
            Interlocked.Increment(ref polled);
        });
        return polled;
    }

    private async Task PollOneAsync(StoredSource source, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        SourceHealth health;
        try
        {
            var report = await ingestion.PollAsync(source, cancellationToken: cancellationToken);
            var circuit = fetcher.GetCircuitState(new Uri(source.Url));
            health = report.Succeeded
                ? source.Health.Succeeded(started, circuit)
                : source.Health.Failed(started, report.ErrorKind, report.Error ?? report.Fetch.Error, circuit);
            logger.LogInformation(
                "Polled source {SourceId} ({Url}): {Kind}, {New} new, {Known} known, {Failed} failed{Error}",
                source.Id,
                source.Url,
                report.Fetch.ErrorKind == FetchErrorKind.NotModified ? "not modified" : report.Kind.ToString(),
                report.Counts.GetValueOrDefault(IngestionItemStatus.New),
                report.Counts.GetValueOrDefault(IngestionItemStatus.KnownUrl),
                report.Counts.GetValueOrDefault(IngestionItemStatus.Failed),
                report.Error is { } e ? $": {e}" : string.Empty);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The sources list is public: it says that the poll failed, the log says why.
            logger.LogError(ex, "Polling source {SourceId} ({Url}) failed", source.Id, source.Url);
            health = source.Health.Failed(started, FetchErrorKind.Unreadable, "The poll failed with an internal fault (logged on the server); it is tried again on schedule.", fetcher.GetCircuitState(new Uri(source.Url)));
        }

        var next = SourceSchedule.NextPoll(source.ToWebSource() with { Health = health }, started, _random);
        await sources.RecordPollAsync(source.Id, health, next, CancellationToken.None);
    }
}
