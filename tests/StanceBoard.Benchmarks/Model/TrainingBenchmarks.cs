using BenchmarkDotNet.Attributes;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>
/// Training time: a plain ML.NET fit at fixed λ on 3,000 and 20,000 short texts (the goals:
/// under 1 s and 5 s). Run with <c>--job short</c>: each call takes seconds. Whole-run figures
/// are in <c>model-figures fit</c>.
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
    public object FitFixedL2() => new StanceModelTrainer(new StanceModelTrainerOptions { L2 = 0.1, CrossValidationFolds = 0 }).Fit(_data);
}
