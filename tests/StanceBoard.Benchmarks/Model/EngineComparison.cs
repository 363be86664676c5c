using System.Diagnostics;
using System.Text.Json;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>
/// The engine before ML.NET against the ML.NET engine in one run, before the old one is deleted:
/// <c>model-figures compare</c>. Fit at fixed C / λ on synthetic short texts (best of 3) and the
/// batch path on 1,000-word pieces × 3 targets.
/// </summary>
internal static class EngineComparison
{
    public static void Run()
    {
        foreach (var n in new[] { 3_000, 20_000 })
        {
            var data = ShortTextGenerator.Generate(n, seed: 1);
            var old = Best(() => new StanceTrainer(new StanceTrainerOptions { C = 0.3, CrossValidationFolds = 0 }).Fit(data));
            var mlnet = Best(() => new StanceModelTrainer(new StanceModelTrainerOptions { L2 = 0.1, CrossValidationFolds = 0 }).Fit(data));
            Emit(new { what = "fit, fixed C / λ, best of 3", texts = n, old_seconds = R(old), mlnet_seconds = R(mlnet), mlnet_over_old = R(mlnet / old) });
        }

        var corpus = BootstrapCorpus.Load();
        var oldModel = new StanceTrainer(new StanceTrainerOptions { Targets = BootstrapCorpus.Targets, C = 0.3, CrossValidationFolds = 0 }).Fit(corpus);
        var newModel = BenchmarkData.DefaultModel();
        var pieces = BenchmarkData.LongPieces(300);
        var oldRate = Rate(new PieceScorer(BenchmarkData.Catalog, oldModel), pieces);
        var newRate = Rate(new PieceScorer(BenchmarkData.Catalog, newModel), pieces);
        Emit(new { what = "score 1,000-word pieces x 3 targets (pieces/s, median of 3)", pieces = pieces.Count, old = R(oldRate), mlnet = R(newRate), mlnet_over_old = R(newRate / oldRate) });
    }

    private static double Best(Func<object> fit)
    {
        var best = double.MaxValue;
        for (var rep = 0; rep < 3; rep++)
        {
            var watch = Stopwatch.StartNew();
            fit();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static double Rate(PieceScorer scorer, List<string> pieces)
    {
        scorer.Score(pieces.Take(5).ToArray());
        var rates = new List<double>();
        for (var rep = 0; rep < 3; rep++)
        {
            var watch = Stopwatch.StartNew();
            scorer.Score(pieces);
            rates.Add(pieces.Count / watch.Elapsed.TotalSeconds);
        }

        return rates.Order().ElementAt(1);
    }

    private static double R(double value) => Math.Round(value, 3);

    private static void Emit(object line) => Console.WriteLine(JsonSerializer.Serialize(line));
}
