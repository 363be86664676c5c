using System.Diagnostics;
using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Models;

/// <summary>
/// Ties model versions in the store to the scorer in use: loads the active version at start
/// (training and registering the default one on a fresh install), registers new versions,
/// promotes and rolls back — and, on a change of the active version, asks for stored pieces to
/// be re-scored.
/// </summary>
public sealed class ModelRegistry(
    IModelStore store,
    ScorerProvider scorers,
    IOptions<ModelOptions> options,
    ILogger<ModelRegistry> logger)
{
    /// <summary>Raised after the active version changed (promotion or rollback), with the new version.</summary>
    public event Action<string>? ActiveChanged;

    /// <summary>Loads the active version into the scorer; with none stored, trains, registers and promotes the default model.</summary>
    public async Task<ModelVersionInfo?> EnsureActiveAsync(CancellationToken cancellationToken = default)
    {
        if (await store.GetActiveAsync(cancellationToken) is { } active)
        {
            scorers.Use(await LoadAsync(active.Version, cancellationToken));
            return active;
        }

        if (!options.Value.TrainDefaultOnFirstStart)
        {
            logger.LogWarning("No stance model is stored and Model:TrainDefaultOnFirstStart is off: pieces get mentions but no stance.");
            return null;
        }

        var watch = Stopwatch.StartNew();
        var model = DefaultModel.Train(scorers.Current.Targets, options.Value.Seed, cancellationToken);
        logger.LogInformation("Trained the default stance model {Version} from the bootstrap corpus ({Examples} examples) in {Seconds:F2} s", model.Version, model.Training.Examples, watch.Elapsed.TotalSeconds);
        var info = await RegisterAsync(model, "bootstrap corpus", cancellationToken);
        info = await store.PromoteAsync(info.Version, "default model on first start", cancellationToken);
        scorers.Use(model);
        return info;
    }

    /// <summary>Stores <paramref name="model"/> as a new, inactive version (an identical version already stored is returned as it is).</summary>
    public async Task<ModelVersionInfo> RegisterAsync(StanceClassifier model, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if ((await store.ListAsync(cancellationToken)).FirstOrDefault(v => v.Version == model.Version) is { } existing)
        {
            return existing;
        }

        var info = await store.AddAsync(
            model.Version,
            model.ToBytes(),
            model.Training.DataHash,
            MetricsJson.Serialize(model.Training.CrossValidation),
            model.Training.Examples,
            source,
            cancellationToken);
        logger.LogInformation("Registered stance model version {Version} ({Source})", info.Version, source);
        return info;
    }

    /// <summary>Makes <paramref name="version"/> active: new pieces are scored with it and stored pieces are re-scored.</summary>
    /// <exception cref="KeyNotFoundException">There is no such version.</exception>
    /// <exception cref="ModelFormatException">The stored model file is unusable.</exception>
    public async Task<ModelVersionInfo> PromoteAsync(string version, CancellationToken cancellationToken = default)
    {
        var model = await LoadAsync(version, cancellationToken);
        var info = await store.PromoteAsync(version, "promoted", cancellationToken);
        Activate(model);
        return info;
    }

    /// <summary>Returns to the version active before the current one; <see langword="null"/> when there is none.</summary>
    public async Task<ModelVersionInfo?> RollbackAsync(CancellationToken cancellationToken = default)
    {
        var info = await store.RollbackAsync(cancellationToken);
        if (info is not null)
        {
            Activate(await LoadAsync(info.Version, cancellationToken));
        }

        return info;
    }

    /// <summary>Reads a stored version's model file, stamped with its stored name.</summary>
    public async Task<StanceClassifier> LoadAsync(string version, CancellationToken cancellationToken = default)
    {
        var bytes = await store.GetBytesAsync(version, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no model version '{version}'.");
        return StanceClassifier.FromBytes(bytes).WithVersion(version);
    }

    private void Activate(StanceClassifier model)
    {
        scorers.Use(model);
        logger.LogInformation("Stance model {Version} is now active", model.Version);
        ActiveChanged?.Invoke(model.Version);
    }
}
