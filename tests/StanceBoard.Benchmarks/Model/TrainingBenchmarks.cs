using BenchmarkDotNet.Attributes;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>Training time on short texts, one thread: a plain fit at fixed C, and the default fit (C by 5-fold CV, calibrated).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TrainingBenchmarks
{
    private List<LabelledExample> _data = [];

    [Params(3_000, 20_000)]
    public int Examples { get; set; }

    [GlobalSetup]
    public void Setup() => _data = ShortTextGenerator.Generate(Examples, seed: 1);

    [Benchmark(Baseline = true)]
    public object FitFixedC() => new StanceTrainer(new StanceTrainerOptions { C = 0.3, CrossValidationFolds = 0 }).Fit(_data);

    [Benchmark]
    public object FitDefault() => new StanceTrainer().Fit(_data);
}
