using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Models;

/// <summary>
/// Ties model versions in the store to the scorer in use: loads the active version at start
/// (training and promoting the default one on a fresh install, or when the active version
/// cannot be loaded, such as a model of the engine before ML.NET), registers new versions,
/// promotes and rolls back — and, on a change of the active version, asks for stored pieces to
/// be re-scored. A version that does not load is never made active.
/// </summary>
public sealed class ModelRegistry(
    IModelStore store,
    ScorerProvider scorers,
    IOptions<ModelOptions> options,
    ILogger<ModelRegistry> logger)
{
    private readonly ConcurrentDictionary<string, string> _unloadable = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _checked = new(StringComparer.Ordinal);

    /// <summary>Raised after the active version changed (promotion, rollback, or the default model replacing an unloadable one), with the new version.</summary>
    public event Action<string>? ActiveChanged;

    /// <summary>
    /// Loads the active version into the scorer. With none stored — or when the active one cannot
    /// be loaded — trains, registers and promotes the default model; in the second case stored
    /// pieces are re-scored (<see cref="ActiveChanged"/>).
    /// </summary>
    public async Task<ModelVersionInfo?> EnsureActiveAsync(CancellationToken cancellationToken = default)
    {
        var replacing = false;
        if (await store.GetActiveAsync(cancellationToken) is { } active)
        {
            try
            {
                scorers.Use(await LoadAsync(active.Version, cancellationToken));
                return active;
            }
            catch (ModelFormatException ex)
            {
                logger.LogWarning("The active stance model {Version} cannot be loaded: {Reason} The default model replaces it.", active.Version, ex.Message);
                replacing = true;
            }
        }

        if (!options.Value.TrainDefaultOnFirstStart)
        {
            logger.LogWarning("No loadable stance model is stored and Model:TrainDefaultOnFirstStart is off: pieces get mentions but no stance.");
            return null;
        }

        var watch = Stopwatch.StartNew();
        var model = DefaultModel.Train(scorers.Current.Targets, options.Value.Seed, cancellationToken);
        logger.LogInformation("Trained the default stance model {Version} ({Features}) from the bootstrap corpus ({Examples} examples) in {Seconds:F2} s", model.Version, model.Features, model.Info.Examples, watch.Elapsed.TotalSeconds);
        var info = await RegisterAsync(model, "bootstrap corpus", cancellationToken);
        info = await store.PromoteAsync(info.Version, replacing ? "default model: the active version could not be loaded" : "default model on first start", cancellationToken);
        scorers.Use(model);
        if (replacing)
        {
            ActiveChanged?.Invoke(model.Version);
        }

        return info;
    }

    /// <summary>Stores <paramref name="model"/> as a new, inactive version (an identical version already stored is returned as it is).</summary>
    public async Task<ModelVersionInfo> RegisterAsync(StanceModel model, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if ((await store.ListAsync(cancellationToken)).FirstOrDefault(v => v.Version == model.Version) is { } existing)
        {
            return existing;
        }

        var info = await store.AddAsync(
            model.Version,
            model.ToBytes(),
            model.Info.DataHash,
            MetricsJson.Describe(model),
            model.Info.Examples,
            source,
            cancellationToken);
        logger.LogInformation("Registered stance model version {Version} ({Source})", info.Version, source);
        return info;
    }

    /// <summary>Makes <paramref name="version"/> active: new pieces are scored with it and stored pieces are re-scored.</summary>
    /// <exception cref="KeyNotFoundException">There is no such version.</exception>
    /// <exception cref="ModelFormatException">The stored model file is unusable (the active version stays).</exception>
    public async Task<ModelVersionInfo> PromoteAsync(string version, CancellationToken cancellationToken = default)
    {
        var model = await LoadAsync(version, cancellationToken);
        var info = await store.PromoteAsync(version, "promoted", cancellationToken);
        Activate(model);
        return info;
    }

    /// <summary>Returns to the version active before the current one; <see langword="null"/> when there is none.</summary>
    /// <exception cref="ModelFormatException">That version cannot be loaded (the active version stays).</exception>
    public async Task<ModelVersionInfo?> RollbackAsync(CancellationToken cancellationToken = default)
    {
        var previous = await store.ListAsync(cancellationToken);
        var info = await store.RollbackAsync(cancellationToken);
        if (info is null)
        {
            return null;
        }

        StanceModel model;
        try
        {
            model = await LoadAsync(info.Version, cancellationToken);
        }
        catch (ModelFormatException)
        {
            // Put the version that was active back: a broken model never becomes the active one.
            if (previous.FirstOrDefault(v => v.IsActive) is { } was)
            {
                await store.PromoteAsync(was.Version, $"rollback to {info.Version} refused: it cannot be loaded", cancellationToken);
            }

            throw;
        }

        Activate(model);
        return info;
    }

    /// <summary>Reads a stored version's model file, stamped with its stored name.</summary>
    /// <exception cref="KeyNotFoundException">There is no such version.</exception>
    /// <exception cref="ModelFormatException">The stored model file is unusable; the message says why.</exception>
    public async Task<StanceModel> LoadAsync(string version, CancellationToken cancellationToken = default)
    {
        var bytes = await store.GetBytesAsync(version, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no model version '{version}'.");
        try
        {
            var model = StanceModel.FromBytes(bytes).WithVersion(version);
            _unloadable.TryRemove(version, out _);
            return model;
        }
        catch (ModelFormatException ex)
        {
            _unloadable[version] = ex.Message;
            throw new ModelFormatException($"Model version '{version}' cannot be loaded: {ex.Message}", ex);
        }
    }

    /// <summary>Every stored version that cannot be loaded, with the reason (each file is read once per process).</summary>
    public async Task<IReadOnlyDictionary<string, string>> UnloadableAsync(CancellationToken cancellationToken = default)
    {
        foreach (var version in await store.ListAsync(cancellationToken))
        {
            if (_unloadable.ContainsKey(version.Version) || !_checked.TryAdd(version.Version, true))
            {
                continue;
            }

            var bytes = await store.GetBytesAsync(version.Version, cancellationToken);
            if (bytes is not null && StanceModel.Probe(bytes) is { } reason)
            {
                _unloadable[version.Version] = reason;
            }
        }

        return new Dictionary<string, string>(_unloadable, StringComparer.Ordinal);
    }

    private void Activate(StanceModel model)
    {
        scorers.Use(model);
        logger.LogInformation("Stance model {Version} is now active", model.Version);
        ActiveChanged?.Invoke(model.Version);
    }
}
