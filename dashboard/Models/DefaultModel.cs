using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Dashboard.Models;

/// <summary>Training options shared by the default model and <c>train</c>: the configured targets' aliases, then the corpus's for targets not configured.</summary>
internal static class DefaultModel
{
    public static StanceTrainerOptions TrainerOptions(TargetCatalog configured, int seed)
    {
        var targets = configured.Targets.ToList();
        targets.AddRange(BootstrapCorpus.Targets.Where(t => !configured.TryGet(t.Name, out _)));
        return new StanceTrainerOptions { Targets = targets, Seed = seed };
    }

    public static StanceClassifier Train(TargetCatalog configured, int seed, CancellationToken cancellationToken) =>
        new StanceTrainer(TrainerOptions(configured, seed)).Fit(BootstrapCorpus.Load(), cancellationToken: cancellationToken);
}
