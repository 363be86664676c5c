using System.Threading.Channels;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Models;

/// <summary>
/// Re-scores stored pieces in the background whenever the active model changes, in chunks leased
/// through <see cref="IRescoreChunks"/> (on PostgreSQL every process that learns of the change
/// takes its share, and a dead process's chunk is taken over when its lease runs out), reporting
/// the run's progress over all processes to the log and to <see cref="IRescoreProgressSink"/>s.
/// A newer change cancels the run in progress here (its work is redone by the new one); so does
/// <see cref="Cancel"/> and shutting down.
/// </summary>
public sealed class RescoreService : BackgroundService
{
    private const int PageSize = 200;
    private readonly Channel<string> _requests = Channel.CreateUnbounded<string>();
    private readonly IStanceStore _store;
    private readonly ScorerProvider _scorers;
    private readonly IRescoreChunks _chunks;
    private readonly StoreInstance _instance;
    private readonly RescoreOptions _options;
    private readonly TimeProvider _time;
    private readonly IRescoreProgressSink[] _sinks;
    private readonly ILogger<RescoreService> _logger;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _current;

    public RescoreService(
        IStanceStore store,
        ScorerProvider scorers,
        ModelRegistry registry,
        IEnumerable<IRescoreProgressSink> sinks,
        IRescoreChunks chunks,
        StoreInstance instance,
        IOptions<RescoreOptions> options,
        TimeProvider time,
        ILogger<RescoreService> logger)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _scorers = scorers;
        _chunks = chunks;
        _instance = instance;
        _options = options.Value;
        _time = time;
        _sinks = sinks.ToArray();
        _logger = logger;
        registry.ActiveChanged += Request;
    }

    /// <summary>The last progress reported, or <see langword="null"/> before any run.</summary>
    public RescoreProgress? Last { get; private set; }

    /// <summary>Asks for a re-scoring with <paramref name="version"/>, cancelling the run in progress.</summary>
    public void Request(string version)
    {
        lock (_gate)
        {
            _current?.Cancel();
        }

        _requests.Writer.TryWrite(version);
    }

    /// <summary>Cancels the run in progress, if any.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _current?.Cancel();
        }
    }

    /// <summary>Re-scores every stored piece with the current scorer in this process alone, in pages (no chunk leases: other processes do not share it).</summary>
    public static async Task<long> RescoreAllAsync(IStanceStore store, ScorerProvider scorers, Func<long, long, Task> onProgress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scorers);
        ArgumentNullException.ThrowIfNull(onProgress);
        var total = await store.CountPiecesAsync(includeDemo: true, includeCopies: false, cancellationToken: cancellationToken);
        var scorer = scorers.Current;
        long done = 0;
        long after = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await store.ListPiecesAsync(new PieceQuery { AfterId = after, Limit = PageSize }, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            // The batch path: the page's pieces are scored together (one ML.NET Transform per model part).
            var scores = scorer.Score(page.Select(p => p.Text).ToArray(), cancellationToken);
            for (var i = 0; i < page.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await store.ReplaceScoresAsync(page[i].Id, scores[i], cancellationToken);
                after = Math.Max(after, page[i].Id);
                done++;
            }

            await onProgress(done, Math.Max(total, done));
        }

        return done;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var version in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            if (_requests.Reader.TryPeek(out _))
            {
                continue; // A newer request is waiting: it supersedes this one.
            }

            using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            lock (_gate)
            {
                _current = run;
            }

            await RunAsync(version, run.Token);
            lock (_gate)
            {
                _current = null;
            }
        }
    }

    private async Task RunAsync(string version, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Re-scoring stored pieces with model {Version}", version);
        long done = 0;
        long total = 0;
        try
        {
            var rescore = new ChunkedRescore(_chunks, _store, _scorers, _options, _instance.Id, _time, _logger);
            var mine = await rescore.RunAsync(version, async (d, t) =>
            {
                (done, total) = (d, t);
                _logger.LogInformation("Re-scoring with {Version}: {Done}/{Total}", version, d, t);
                await ReportAsync(new RescoreProgress(version, d, t, "running"), cancellationToken);
            }, cancellationToken);
            _logger.LogInformation("Re-scoring with model {Version} finished: {Done} piece(s), {Mine} of them by this process", version, done, mine);
            await ReportAsync(new RescoreProgress(version, done, Math.Max(total, done), "finished"), CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            _logger.LogInformation("Re-scoring with {Version} cancelled after {Done} piece(s)", version, done);
            await ReportAsync(new RescoreProgress(version, done, total, "cancelled"), CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            _logger.LogError(ex, "Re-scoring with {Version} failed after {Done} piece(s)", version, done);
            await ReportAsync(new RescoreProgress(version, done, total, "failed"), CancellationToken.None);
        }
    }

    private async Task ReportAsync(RescoreProgress progress, CancellationToken cancellationToken)
    {
        Last = progress;
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.OnProgressAsync(progress, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Reporting re-scoring progress to {Sink} failed", sink.GetType().Name);
            }
        }
    }
}
