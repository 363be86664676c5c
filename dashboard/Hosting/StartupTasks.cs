using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Hosting;

/// <summary>
/// Work done once before the app serves: migrate the store, record the configured targets, load
/// the active stance model (training the default one on a fresh install), and on a first run
/// without keys generate an admin key and print it once.
/// </summary>
internal sealed class StartupTasks(
    IStanceStore store,
    ScorerProvider scorers,
    ModelRegistry models,
    IOptions<AuthOptions> auth,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PrepareStoreAsync(store, scorers, cancellationToken);
        await models.EnsureActiveAsync(cancellationToken);
        await EnsureApiKeyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Migrates and records targets; shared with the CLI verbs.</summary>
    public static async Task PrepareStoreAsync(IStanceStore store, ScorerProvider scorers, CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        await store.SyncTargetsAsync(scorers.Current.Targets.Targets, cancellationToken);
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
