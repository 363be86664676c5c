using BenchmarkDotNet.Attributes;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>
/// Training time, one thread: a plain fit at fixed C on 3,000 and 20,000 short texts (the goals:
/// under 1 s and 5 s), and the default model's fit on the bootstrap corpus (C by 5-fold CV,
/// calibrated; what a fresh install does at start). Run with <c>--job short</c>: each call takes
/// up to seconds. The default fit on synthetic data is in <c>model-figures speed</c>.
/// </summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private List<LabelledExample> _data = [];

    [Params(3_000, 20_000)]
    public int Examples { get; set; }

    [GlobalSetup]
    public void Setup() => _data = ShortTextGenerator.Generate(Examples, seed: 1);

    [Benchmark]
    public object FitFixedC() => new StanceTrainer(new StanceTrainerOptions { C = 0.3, CrossValidationFolds = 0 }).Fit(_data);
}
