using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Hosting;

/// <summary>
/// Work done once before the app serves: migrate the store, record the configured targets, load
/// the active stance model (training the default one on a fresh install), and on a first run
/// without keys generate an admin key and print it once. On PostgreSQL the model and key work runs
/// under an advisory lock (one instance does it), and a server that does not answer at start is
/// retried with backoff while the app serves 503s that say why (<see cref="StoreReadiness"/>).
/// </summary>
internal sealed class StartupTasks(
    IServiceProvider services,
    IStanceStore store,
    StoreReadiness readiness,
    IOptions<StorageOptions> storage,
    IOptions<AuthOptions> auth,
    TimeProvider time,
    ILogger<StartupTasks> logger) : IHostedService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retry;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunOnceAsync(cancellationToken);
        }
        catch (Exception ex) when (storage.Value.IsPostgres && StoreErrors.IsUnavailable(ex))
        {
            Report(ex, TimeSpan.FromSeconds(1));
            _retry = Task.Run(() => RetryAsync(_stopping.Token), CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_retry is not null)
        {
            await Task.WhenAny(_retry, Task.Delay(Timeout.Infinite, cancellationToken));
        }
    }

    /// <summary>Migrates and records targets; shared with the CLI verbs.</summary>
    public static async Task PrepareStoreAsync(IStanceStore store, ScorerProvider scorers, CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        await store.SyncTargetsAsync(scorers.Current.Targets.Targets, cancellationToken);
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await FirstStart.RunAsync(services, EnsureApiKeyAsync, cancellationToken);
        readiness.MarkReady();
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, cancellationToken);
                await RunOnceAsync(cancellationToken);
                logger.LogInformation("The store answers again: {Store} is ready", StorageServices.Describe(services));
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (StoreErrors.IsUnavailable(ex))
            {
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
                Report(ex, delay);
            }
            catch (Exception ex)
            {
                logger.LogCritical(ex, "Preparing the store failed for a reason retrying will not fix");
                readiness.SetProblem($"Preparing the store failed: {ex.Message}");
                return;
            }
        }
    }

    private void Report(Exception ex, TimeSpan retryIn)
    {
        var problem = $"{StorageServices.Describe(services)} does not answer: {ex.Message}";
        readiness.SetProblem(problem);
        logger.LogError("{Problem}. Retrying in {Seconds:F0} s; /api/health answers 503 until then.", problem, retryIn.TotalSeconds);
    }

    private async Task EnsureApiKeyAsync(CancellationToken cancellationToken)
    {
        var options = auth.Value;
        if (options.ApiKeys.Count > 0 || options.AnnotatorKeys.Count > 0 || !options.GenerateKeyOnFirstRun)
        {
            return;
        }

        if (await store.HasApiKeysAsync(cancellationToken))
        {
            logger.LogInformation("Using the API key generated on first run (only its hash is stored). Set Auth__ApiKeys__0 to use your own.");
            return;
        }

        var key = ApiKeyHasher.Generate();
        await store.AddApiKeyAsync("generated on first run", ApiKeyHasher.Hash(key), Roles.Admin, cancellationToken);
        // Printed once to the console, never logged: only its hash is kept.
        await Console.Out.WriteLineAsync($"""

            ──────────────────────────────────────────────────────────────────────────
             No API key was configured, so StanceBoard generated an admin key.
             It is shown only now; only its hash is stored. Send it as X-Api-Key:

                 {key}

             To use your own keys instead, set Auth__ApiKeys__0=... (see README).
            ──────────────────────────────────────────────────────────────────────────

            """);
    }
}
