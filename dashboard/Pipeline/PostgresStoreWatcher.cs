using System.Globalization;
using System.Text.Json;
using Npgsql;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Postgres;

namespace StanceBoard.Dashboard.Pipeline;

/// <summary>
/// Learns from PostgreSQL <c>LISTEN/NOTIFY</c> what other instances and workers did: new pieces
/// (announced to this process's sinks: the hub and the coalescing chart refresh), removals, and a
/// change of the active model (loaded into this process's scorer). Payloads carry ids only; the
/// pieces are read from the store. A listener that lost its connection reconnects with backoff and
/// resyncs from the last piece id it saw, so nothing stored while it was away goes unannounced.
/// </summary>
internal sealed class PostgresStoreWatcher(
    PostgresDatabase database,
    IStanceStore store,
    StoreInstance instance,
    StoreReadiness readiness,
    AnnouncedPieces announced,
    ModelRegistry models,
    IModelStore modelStore,
    IEnumerable<IPieceScoredSink> sinks,
    IEnumerable<IPiecesRemovedSink> removedSinks,
    IEnumerable<RescoreService> rescorers,
    TimeProvider time,
    ILogger<PostgresStoreWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly IPieceScoredSink[] _sinks = sinks.ToArray();
    private readonly IPiecesRemovedSink[] _removedSinks = removedSinks.ToArray();
    private readonly List<(string Channel, string Payload)> _received = [];
    private long _lastSeen;
    private string? _lastRemoval;
    private string? _activeModel;

    /// <summary>How many times the listener connected (the first time included).</summary>
    public int Connections { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        var backoff = TimeSpan.FromSeconds(1);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (first)
                {
                    _lastSeen = await store.GetMaxPieceIdAsync(stoppingToken);
                    _lastRemoval = await store.GetSettingAsync(PiecesRemoved.Setting, stoppingToken);
                    _activeModel = (await modelStore.GetActiveAsync(stoppingToken))?.Version;
                    first = false;
                }

                await ListenAsync(() => backoff = TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Listening to PostgreSQL {Database} failed ({Message}); reconnecting in {Delay:F0} s and catching up from piece {LastSeen}", database.Description, ex.Message, backoff.TotalSeconds, _lastSeen);
                try
                {
                    await Task.Delay(backoff, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task ListenAsync(Action onConnected, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 10, TcpKeepAlive = true };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Notification += (_, e) =>
        {
            lock (_received)
            {
                _received.Add((e.Channel, e.Payload));
            }
        };
        await connection.OpenAsync(cancellationToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresChannels.Pieces}; LISTEN {PostgresChannels.Settings}; LISTEN {PostgresChannels.Models};", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        Connections++;
        onConnected();

        // Whatever happened while nobody listened (the first start, or the time the connection was down).
        await CatchUpAsync(cancellationToken);
        while (true)
        {
            await connection.WaitAsync(cancellationToken);
            await HandleReceivedAsync(cancellationToken);
        }
    }

    private async Task HandleReceivedAsync(CancellationToken cancellationToken)
    {
        List<(string Channel, string Payload)> batch;
        lock (_received)
        {
            batch = [.. _received];
            _received.Clear();
        }

        var fresh = new List<long>();
        var settingsChanged = false;
        var modelsChanged = false;
        foreach (var (channel, payload) in batch)
        {
            var (value, sender) = PostgresChannels.Parse(payload);
            switch (channel)
            {
                case PostgresChannels.Pieces when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                    _lastSeen = Math.Max(_lastSeen, id);
                    if (sender == instance.Id)
                    {
                        announced.TryTake(id); // this process announced it when it stored it
                    }
                    else
                    {
                        fresh.Add(id);
                    }

                    break;
                case PostgresChannels.Settings when value == PiecesRemoved.Setting:
                    settingsChanged = true;
                    break;
                case PostgresChannels.Models when sender != instance.Id:
                    modelsChanged = true;
                    break;
            }
        }

        if (modelsChanged)
        {
            await ReloadModelAsync(cancellationToken);
        }

        if (settingsChanged)
        {
            await AnnounceRemovalAsync(cancellationToken);
        }

        foreach (var id in fresh)
        {
            if (await store.GetPieceAsync(id, cancellationToken) is { DuplicateOf: null } piece)
            {
                await AnnounceAsync(PieceDto.From(piece), cancellationToken);
            }
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if ((await modelStore.GetActiveAsync(cancellationToken))?.Version != _activeModel)
        {
            await ReloadModelAsync(cancellationToken);
        }

        await AnnounceRemovalAsync(cancellationToken);
        while (true)
        {
            var page = await store.ListPiecesAsync(new PieceQuery { AfterId = _lastSeen, Limit = 200 }, cancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            foreach (var piece in page)
            {
                _lastSeen = Math.Max(_lastSeen, piece.Id);
                if (!announced.TryTake(piece.Id))
                {
                    await AnnounceAsync(PieceDto.From(piece), cancellationToken);
                }
            }
        }
    }

    private async Task ReloadModelAsync(CancellationToken cancellationToken)
    {
        var previous = _activeModel;
        var active = await models.EnsureActiveAsync(cancellationToken);
        _activeModel = active?.Version;
        logger.LogInformation("Another instance changed the active model: now scoring with {Version}", _activeModel);
        if (_activeModel is { } version && version != previous)
        {
            // Take a share of the re-scoring the promoting process started (its chunks are leased from the store).
            foreach (var rescore in rescorers)
            {
                rescore.Request(version);
            }
        }
    }

    private async Task AnnounceRemovalAsync(CancellationToken cancellationToken)
    {
        var current = await store.GetSettingAsync(PiecesRemoved.Setting, cancellationToken);
        if (current is null || current == _lastRemoval)
        {
            return;
        }

        _lastRemoval = current;
        PiecesRemoved? removal = null;
        try
        {
            removal = JsonSerializer.Deserialize<PiecesRemoved>(current);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Unreadable {Setting} setting; announcing an unspecified removal", PiecesRemoved.Setting);
        }

        removal ??= new PiecesRemoved("unknown", 0, time.GetUtcNow());
        foreach (var sink in _removedSinks)
        {
            await sink.OnPiecesRemovedAsync(removal, cancellationToken);
        }
    }

    private async Task AnnounceAsync(PieceDto piece, CancellationToken cancellationToken)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.OnPieceScoredAsync(piece, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Notifying {Sink} about piece {PieceId} failed", sink.GetType().Name, piece.Id);
            }
        }
    }
}
