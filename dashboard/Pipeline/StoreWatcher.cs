using System.Text.Json;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Pipeline;

/// <summary>
/// Announces pieces that other processes stored in the same database (the <c>ingest</c> verb
/// while the dashboard runs): polls for new ids once a second and tells the sinks about
/// every piece this process did not announce itself. With SQLite this is the cheapest
/// cross-process signal (an indexed MAX(id) query); PostgreSQL will use LISTEN/NOTIFY.
/// Deletions (<c>demo clear</c>, from this process or the CLI) are seen the same way, through
/// the <see cref="PiecesRemoved.Setting"/> the deleting side writes. So is a model another process
/// made active (<c>train --promote</c>): it is loaded here, so new pieces are scored with it, and
/// the charts are redrawn when that process's re-scoring ends (<see cref="ScoresRescored.Setting"/>).
/// </summary>
internal sealed class StoreWatcher(
    IStanceStore store,
    IModelStore models,
    ModelRegistry registry,
    ScorerProvider scorers,
    StoreReadiness readiness,
    AnnouncedPieces announced,
    IEnumerable<IPieceScoredSink> sinks,
    IEnumerable<IPiecesRemovedSink> removedSinks,
    IEnumerable<IRescoreProgressSink> rescoreSinks,
    TimeProvider time,
    ILogger<StoreWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly IPieceScoredSink[] _sinks = sinks.ToArray();
    private readonly IPiecesRemovedSink[] _removedSinks = removedSinks.ToArray();
    private readonly IRescoreProgressSink[] _rescoreSinks = rescoreSinks.ToArray();

    // An active version other than the scorer's, seen on the previous tick: acted on when seen twice,
    // so this process's own promotion (stored first, then handed to the scorer) is not mistaken for another's.
    private string? _foreignActive;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastSeen = await store.GetMaxPieceIdAsync(stoppingToken);
        var lastRemoval = await store.GetSettingAsync(PiecesRemoved.Setting, stoppingToken);
        var lastRescore = await store.GetSettingAsync(ScoresRescored.Setting, stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                lastRemoval = await AnnounceRemovalAsync(lastRemoval, stoppingToken);
                lastSeen = await AnnounceNewAsync(lastSeen, stoppingToken);
                if (readiness.IsReady)
                {
                    await FollowActiveModelAsync(stoppingToken);
                    lastRescore = await AnnounceRescoreAsync(lastRescore, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Watching the store for new pieces failed; retrying");
            }
        }
    }

    // Pieces seen on the previous tick and not (yet) announced by this process. They are
    // announced one tick later, so a piece this process is announcing right now is not sent twice.
    private List<PieceDto> _pending = [];

    private async Task<string?> AnnounceRemovalAsync(string? lastRemoval, CancellationToken cancellationToken)
    {
        var (current, changed, removal) = await ReadChangedSettingAsync<PiecesRemoved>(PiecesRemoved.Setting, lastRemoval, cancellationToken);
        if (!changed)
        {
            return current;
        }

        removal ??= new PiecesRemoved("unknown", 0, time.GetUtcNow());
        foreach (var sink in _removedSinks)
        {
            await sink.OnPiecesRemovedAsync(removal, cancellationToken);
        }

        return current;
    }

    private async Task FollowActiveModelAsync(CancellationToken cancellationToken)
    {
        var active = (await models.GetActiveAsync(cancellationToken))?.Version;
        if (active is null || active == scorers.Current.Model?.Version)
        {
            _foreignActive = null;
            return;
        }

        if (active != _foreignActive)
        {
            _foreignActive = active;
            return;
        }

        _foreignActive = null;
        var loaded = await registry.EnsureActiveAsync(cancellationToken);
        logger.LogInformation("Another process made stance model {Version} active: new pieces are scored with it", loaded?.Version);
    }

    private async Task<string?> AnnounceRescoreAsync(string? lastRescore, CancellationToken cancellationToken)
    {
        var (current, changed, run) = await ReadChangedSettingAsync<ScoresRescored>(ScoresRescored.Setting, lastRescore, cancellationToken);
        if (!changed)
        {
            return current;
        }

        var progress = new RescoreProgress(run?.ModelVersion ?? scorers.Current.Model?.Version ?? "unknown", run?.Count ?? 0, run?.Count ?? 0, "finished");
        foreach (var sink in _rescoreSinks)
        {
            await sink.OnProgressAsync(progress, cancellationToken);
        }

        return current;
    }

    /// <summary>
    /// The setting <paramref name="key"/> now, whether it changed since <paramref name="last"/>, and
    /// its value (<see langword="null"/> when it cannot be read: the change is still announced).
    /// </summary>
    private async Task<(string? Current, bool Changed, T? Value)> ReadChangedSettingAsync<T>(string key, string? last, CancellationToken cancellationToken)
        where T : class
    {
        var current = await store.GetSettingAsync(key, cancellationToken);
        if (current is null || current == last)
        {
            return (current, false, null);
        }

        try
        {
            return (current, true, JsonSerializer.Deserialize<T>(current));
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Unreadable {Setting} setting; announcing the change without its details", key);
            return (current, true, null);
        }
    }

    private async Task<long> AnnounceNewAsync(long lastSeen, CancellationToken cancellationToken)
    {
        var due = _pending.Where(p => !announced.TryTake(p.Id)).ToList();
        _pending = [];
        var max = await store.GetMaxPieceIdAsync(cancellationToken);
        if (max > lastSeen)
        {
            var fresh = await store.ListPiecesAsync(new PieceQuery { AfterId = lastSeen, Limit = 200 }, cancellationToken);
            _pending = fresh.Where(p => !announced.TryTake(p.Id)).Select(PieceDto.From).ToList();
            lastSeen = fresh.Count == 0 ? max : fresh.Max(p => p.Id);
        }
        else
        {
            lastSeen = max; // pieces deleted: follow the store down
        }

        foreach (var piece in due)
        {
            foreach (var sink in _sinks)
            {
                await sink.OnPieceScoredAsync(piece, cancellationToken);
            }
        }

        return lastSeen;
    }
}
