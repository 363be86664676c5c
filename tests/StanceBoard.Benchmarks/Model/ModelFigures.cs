using System.Diagnostics;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>Whole-run figures that BenchmarkDotNet's per-call statistics do not suit: <c>-- model-figures</c>.</summary>
internal static class ModelFigures
{
    public static void Run()
    {
        foreach (var n in new[] { 3_000, 20_000 })
        {
            var data = ShortTextGenerator.Generate(n, seed: 1);
            foreach (var (label, options) in new[]
            {
                ("fixed C=1, 5-fold calibration", new StanceTrainerOptions { C = 1 }),
                ("fixed C=1, no CV", new StanceTrainerOptions { C = 1, CrossValidationFolds = 0 }),
                ("C by 5-fold CV over 4 values", new StanceTrainerOptions()),
            })
            {
                var watch = Stopwatch.StartNew();
                var model = new StanceTrainer(options).Fit(data);
                Console.WriteLine($"train n={n,6} [{label}]: {watch.Elapsed.TotalSeconds:F2} s, features={model.Training.Features}, C={model.Training.C}");
            }
        }
    }
}
