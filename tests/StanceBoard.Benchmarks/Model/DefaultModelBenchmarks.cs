using BenchmarkDotNet.Attributes;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>The default model's fit on the bootstrap corpus as a fresh install does it: fixed λ, 3-fold CV for the metrics, then each chain on all its rows.</summary>
[MemoryDiagnoser]
public class DefaultModelBenchmarks
{
    private IReadOnlyList<LabelledExample> _corpus = [];

    [GlobalSetup]
    public void Setup() => _corpus = BootstrapCorpus.Load();

    [Benchmark]
    public object FitBootstrapDefault() => new StanceModelTrainer(new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, L2 = 0.1, CrossValidationFolds = 3 }).Fit(_corpus);
}
