using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Analysis.Tests;

/// <summary>Models trained once per test run and shared (they are immutable).</summary>
internal static class TestModels
{
    private static readonly Lazy<StanceClassifier> LazyDefault = new(() =>
        new StanceTrainer(new StanceTrainerOptions { Targets = BootstrapCorpus.Targets }).Fit(BootstrapCorpus.Load()));

    private static readonly Lazy<StanceClassifier> LazySynthetic = new(() =>
        new StanceTrainer(new StanceTrainerOptions { Seed = 3 }).Fit(SyntheticStanceData.Generate(300, seed: 21)));

    /// <summary>The default model: trained on the bootstrap corpus.</summary>
    public static StanceClassifier Default => LazyDefault.Value;

    /// <summary>A small model of the synthetic task.</summary>
    public static StanceClassifier Synthetic => LazySynthetic.Value;
}
