using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Analysis.Tests;

/// <summary>Models trained once per test run and shared (they are immutable).</summary>
internal static class TestModels
{
    private static readonly Lazy<StanceModel> LazyDefault = new(() =>
        new StanceModelTrainer(new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, L2 = 0.1, CrossValidationFolds = 0 }).Fit(BootstrapCorpus.Load()));

    private static readonly Lazy<StanceModel> LazySynthetic = new(() =>
        new StanceModelTrainer(new StanceModelTrainerOptions { Seed = 3, L2 = 0.1, CrossValidationFolds = 0 }).Fit(SyntheticStanceData.Generate(300, seed: 21)));

    /// <summary>The default model: trained on the bootstrap corpus (n-grams, λ = 0.1).</summary>
    public static StanceModel Default => LazyDefault.Value;

    /// <summary>A small model of the synthetic task.</summary>
    public static StanceModel Synthetic => LazySynthetic.Value;
}
