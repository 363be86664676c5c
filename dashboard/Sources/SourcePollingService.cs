using System.Diagnostics;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Telemetry;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Pipeline;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Sources;

/// <summary>
/// Polls due sources in the background, in every <c>serve</c> instance and every <c>worker</c>
/// on the store. Sources are leased (<see cref="ISourceLeases"/>), so each is polled by one
/// poller at a time, and one that died is taken over when its lease runs out. Within the process
/// up to <see cref="PollingOptions.MaxConcurrentSources"/> polls run at once, at most
/// <see cref="PollingOptions.MaxSourcesPerHost"/> per host: different hosts are fetched
/// concurrently and per-host politeness bounds the rate. A finished poll frees its slot at once
/// (no waiting for a whole batch). The schedule, validators and seen URLs live in the store, so a
/// restart resumes without re-ingesting; a poll that dies mid-batch saves no validators, so its
/// remaining items come back on the next poll.
/// </summary>
internal sealed class SourcePollingService(
    ISourceStore sources,
    ISourceLeases leases,
    WebIngestion ingestion,
    WebFetcher fetcher,
    DefaultSourceSeeder seeder,
    IStoreLock locks,
    StoreInstance instance,
    StoreReadiness readiness,
    IOptions<PollingOptions> options,
    TimeProvider time,
    ILogger<SourcePollingService> logger) : BackgroundService
{
    private readonly Random _random = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<long, LeasedSource> _held = [];
    private readonly Dictionary<string, int> _runningPerHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<LeasedSource> _waiting = [];
    private readonly List<Task> _running = [];
    private readonly SemaphoreSlim _wake = new(0);
    private DateTimeOffset _lastRenewal = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await readiness.WaitAsync(stoppingToken);
        await using (await locks.AcquireAsync("stanceboard:seed-sources", stoppingToken))
        {
            await seeder.SeedAsync(stoppingToken);
        }

        if (!settings.Enabled)
        {
            logger.LogInformation("Polling of web sources is off (Ingestion:Polling:Enabled=false)");
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RenewIfDueAsync(stoppingToken);
                    await LeaseAndStartAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    // A store hiccup must not stop polling for good; the next tick tries again.
                    logger.LogError("Polling web sources failed ({Message}); retrying in {Tick}", ex.Message, settings.Tick);
                }

                try
                {
                    // A finished poll wakes the loop early to lease more; otherwise look again after a tick.
                    await _wake.WaitAsync(settings.Tick, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        finally
        {
            await StopPollingAsync();
        }
    }

    /// <summary>Leases due sources up to the free capacity and starts those whose host has room; returns how many started.</summary>
    internal async Task<int> LeaseAndStartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        int free;
        lock (_gate)
        {
            _running.RemoveAll(t => t.IsCompleted);
            free = settings.MaxConcurrentSources - _held.Count;
        }

        if (free > 0)
        {
            var now = time.GetUtcNow();
            foreach (var leased in await leases.LeaseDueAsync(instance.Id, now, settings.LeaseDuration, free, cancellationToken))
            {
                if (leased.IsTakeover)
                {
                    StanceBoardTelemetry.LeaseTakeovers.Add(1, new KeyValuePair<string, object?>("kind", "source"));
                    logger.LogWarning("Took over source {SourceId} ({Url}): the lease of {Owner} ran out before its poll was recorded", leased.Source.Id, leased.Source.Url, leased.PreviousOwner);
                }

                if (leased.Source.NextPollUtc is null && leased.Source.Health.LastAttempt is null)
                {
                    // New sources start within a minute, spread out, not all at once (scheduling releases the lease).
                    await sources.ScheduleAsync(leased.Source.Id, SourceSchedule.FirstPoll(leased.Source.ToWebSource(), now, _random), cancellationToken);
                    continue;
                }

                lock (_gate)
                {
                    _held[leased.Source.Id] = leased;
                    _waiting.Add(leased);
                }
            }
        }

        return StartWaiting(cancellationToken);
    }

    private int StartWaiting(CancellationToken cancellationToken)
    {
        var started = 0;
        lock (_gate)
        {
            foreach (var leased in _waiting.ToArray())
            {
                var host = HostOf(leased.Source);
                var running = _runningPerHost.GetValueOrDefault(host);
                if (running >= options.Value.MaxSourcesPerHost)
                {
                    continue;
                }

                _runningPerHost[host] = running + 1;
                _waiting.Remove(leased);
                _running.Add(Task.Run(() => RunPollAsync(leased, host, cancellationToken), CancellationToken.None));
                started++;
            }
        }

        return started;
    }

    private async Task RunPollAsync(LeasedSource leased, string host, CancellationToken cancellationToken)
    {
        try
        {
            await PollOneAsync(leased.Source, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease is given back below.
            return;
        }
        catch (Exception ex)
        {
            // Recording the poll failed (the store went away): the lease runs out and the source is polled again.
            logger.LogError("Recording the poll of source {SourceId} failed ({Message}); it is polled again when its lease runs out", leased.Source.Id, ex.Message);
        }
        finally
        {
            lock (_gate)
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    _held.Remove(leased.Source.Id);
                }

                _runningPerHost[host] = _runningPerHost[host] - 1;
            }

            _wake.Release();
        }
    }

    private async Task RenewIfDueAsync(CancellationToken cancellationToken)
    {
        var lease = options.Value.LeaseDuration;
        var now = time.GetUtcNow();
        if (now - _lastRenewal < lease / 3)
        {
            return;
        }

        long[] ids;
        lock (_gate)
        {
            ids = [.. _held.Keys];
        }

        _lastRenewal = now;
        if (ids.Length > 0)
        {
            await leases.RenewAsync(instance.Id, ids, now + lease, cancellationToken);
        }
    }

    private async Task StopPollingAsync()
    {
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        long[] ids;
        lock (_gate)
        {
            ids = [.. _held.Keys];
            _held.Clear();
            _waiting.Clear();
        }

        try
        {
            // Given back unpolled, so another poller need not wait for the leases to run out.
            await leases.ReleaseAsync(instance.Id, ids, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not give back {Count} source lease(s) on shutdown ({Message}); they run out by themselves", ids.Length, ex.Message);
        }
    }

    private static string HostOf(StoredSource source) =>
        Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) ? uri.Authority : source.Url;

    private async Task PollOneAsync(StoredSource source, CancellationToken cancellationToken)
    {
        using var activity = StanceBoardTelemetry.Activities.StartActivity("poll source");
        activity?.SetTag("stanceboard.source.id", source.Id);
        activity?.SetTag("url.full", source.Url);
        var started = time.GetUtcNow();
        SourceHealth health;
        var retrySoon = false;
        try
        {
            var report = await ingestion.PollAsync(source, cancellationToken: cancellationToken);
            var circuit = fetcher.GetCircuitState(new Uri(source.Url));
            health = report.Succeeded
                ? source.Health.Succeeded(started, circuit)
                : source.Health.Failed(started, report.ErrorKind, report.Error ?? report.Fetch.Error, circuit);
            StanceBoardTelemetry.SourcePolls.Add(1, new KeyValuePair<string, object?>("outcome", report.Succeeded ? "succeeded" : "failed"));

            // Items that failed retryably left the feed's validators unsaved: fetch them again soon.
            retrySoon = report.Succeeded && !report.ValidatorsSaved && report.Counts.GetValueOrDefault(IngestionItemStatus.Failed) > 0;
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
        catch (Exception ex) when (StoreErrors.IsUnavailable(ex))
        {
            // The store went away mid-poll: what was stored stays stored; the lease runs out and the source is polled again.
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        catch (Exception ex)
        {
            // The sources list is public: it says that the poll failed, the log says why.
            logger.LogError(ex, "Polling source {SourceId} ({Url}) failed", source.Id, source.Url);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            StanceBoardTelemetry.SourcePolls.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            health = source.Health.Failed(started, FetchErrorKind.Unreadable, "The poll failed with an internal fault (logged on the server); it is tried again on schedule.", fetcher.GetCircuitState(new Uri(source.Url)));
        }

        var next = SourceSchedule.NextPoll(source.ToWebSource() with { Health = health }, started, _random);
        if (retrySoon && started + options.Value.RetryFailedItemsAfter < next)
        {
            next = started + options.Value.RetryFailedItemsAfter;
        }

        await sources.RecordPollAsync(source.Id, health, next, CancellationToken.None);
    }
}
