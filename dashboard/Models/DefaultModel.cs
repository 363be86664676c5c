using System.Collections.Concurrent;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Dashboard.Models;

/// <summary>
/// The default model, trained from the bootstrap corpus with the configured targets' aliases
/// (then the corpus's, for targets not configured). Training is deterministic, so a process
/// trains it once per (targets, seed) however many stores it opens.
/// </summary>
internal static class DefaultModel
{
    private static readonly ConcurrentDictionary<string, Lazy<StanceClassifier>> Trained = new(StringComparer.Ordinal);

    public static StanceTrainerOptions TrainerOptions(TargetCatalog configured, int seed)
    {
        var targets = configured.Targets.ToList();
        targets.AddRange(BootstrapCorpus.Targets.Where(t => !configured.TryGet(t.Name, out _)));
        return new StanceTrainerOptions { Targets = targets, Seed = seed };
    }

    public static StanceClassifier Train(TargetCatalog configured, int seed, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = TrainerOptions(configured, seed);
        var key = seed + "|" + string.Join("|", options.Targets.Select(t => t.Name + ":" + string.Join(",", t.Aliases)));
        return Trained.GetOrAdd(key, _ => new Lazy<StanceClassifier>(() => new StanceTrainer(options).Fit(BootstrapCorpus.Load()))).Value;
    }
}
