using BenchmarkDotNet.Attributes;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>The default model's fit on the bootstrap corpus: C chosen by grouped 5-fold CV along a warm-started path, calibrated, then fitted on all rows.</summary>
[MemoryDiagnoser]
public class DefaultModelBenchmarks
{
    private IReadOnlyList<LabelledExample> _corpus = [];

    [GlobalSetup]
    public void Setup() => _corpus = BootstrapCorpus.Load();

    [Benchmark]
    public object FitBootstrapDefault() => new StanceTrainer(new StanceTrainerOptions { Targets = BootstrapCorpus.Targets }).Fit(_corpus);
}
