using System.Diagnostics;
using System.Globalization;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Evaluation;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>
/// Whole-run figures that BenchmarkDotNet's per-call statistics do not suit:
/// <c>dotnet run -c Release --project tests/StanceBoard.Benchmarks -- model-figures [cv|baseline|speed|all]</c>.
/// </summary>
internal static class ModelFigures
{
    public static void Run(string what)
    {
        if (what is "cv" or "all")
        {
            CrossValidation();
        }

        if (what is "baseline" or "all")
        {
            Baseline();
        }

        if (what is "speed" or "all")
        {
            Speed();
        }

        if (what is "speed" or "predict" or "all")
        {
            DefaultFitAndPredict();
        }
    }

    private static void CrossValidation()
    {
        var data = BootstrapCorpus.Load();
        var watch = Stopwatch.StartNew();
        var metrics = CrossValidator.Run(data, new StanceTrainerOptions { Targets = BootstrapCorpus.Targets }, folds: 5);
        Console.WriteLine($"bootstrap corpus, 5-fold CV of the whole procedure ({data.Count} rows, {watch.Elapsed.TotalSeconds:F1} s):");
        Print("  all", metrics);
        foreach (var (target, m) in metrics.PerTarget)
        {
            Print("  " + target, m);
        }
    }

    /// <summary>Our model against the SemEval-2016 SVM-ngrams baseline on the same grouped folds, repeated with 3 seeds.</summary>
    private static void Baseline()
    {
        var data = BootstrapCorpus.Load();
        var ours = new List<(string, Stance, Stance)>();
        var baseline = new List<(string, Stance, Stance)>();
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var folds = FoldAssigner.Assign(data, 5, seed)!;
            for (var f = 0; f < 5; f++)
            {
                var train = data.Where((_, i) => folds[i] != f).ToList();
                var test = data.Where((_, i) => folds[i] == f).ToList();
                var model = new StanceTrainer(new StanceTrainerOptions { Targets = BootstrapCorpus.Targets, Seed = seed }).Fit(train);
                ours.AddRange(test.Select(e => (e.Target, e.Stance, model.Predict(e.Text, e.Target).Stance)));
                foreach (var target in test.Select(e => e.Target).Distinct())
                {
                    var perTarget = new StanceTrainer(BaselineOptions(seed)).Fit(train.Where(e => e.Target == target).ToList());
                    baseline.AddRange(test.Where(e => e.Target == target).Select(e => (e.Target, e.Stance, perTarget.Predict(e.Text, e.Target).Stance)));
                }
            }
        }

        var a = StanceEvaluator.Evaluate(ours);
        var b = StanceEvaluator.Evaluate(baseline);
        Console.WriteLine("held-out comparison on the bootstrap corpus (grouped 5-fold x 3 seeds):");
        Print("  ours      all", a);
        Print("  baseline  all", b);
        foreach (var target in a.PerTarget.Keys)
        {
            Print($"  ours      {target}", a.PerTarget[target]);
            Print($"  baseline  {target}", b.PerTarget[target]);
        }
    }

    /// <summary>
    /// The SemEval-2016 SVM-ngrams baseline: one linear SVM per target on word 1–3-gram and
    /// character 2–5-gram TF-IDF of the raw text, no target handling, no class weighting, C tuned
    /// by 5-fold CV over a wide grid.
    /// </summary>
    private static StanceTrainerOptions BaselineOptions(int seed) => new()
    {
        Seed = seed,
        ClassWeighting = ClassWeighting.None,
        CandidateC = [0.03, 0.1, 0.3, 1, 3, 10],
        Featurizer = new()
        {
            MaskTargets = false,
            NearWindow = 0,
            TargetCopyWeight = 0,
            CharNgramsWithinWords = false,
            MinDocumentFrequency = 1,
            ContextWeight = 0,
        },
    };

    private static void Speed()
    {
        foreach (var n in new[] { 3_000, 20_000 })
        {
            var data = ShortTextGenerator.Generate(n, seed: 1);
            foreach (var (label, options) in new[]
            {
                ("plain fit, C=0.3", new StanceTrainerOptions { C = 0.3, CrossValidationFolds = 0 }),
                ("default: C by 5-fold CV, calibrated", new StanceTrainerOptions()),
            })
            {
                var best = double.MaxValue;
                var bestCpu = double.MaxValue;
                StanceClassifier? model = null;
                for (var rep = 0; rep < 3; rep++)
                {
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    model = new StanceTrainer(options).Fit(data);
                    best = Math.Min(best, watch.Elapsed.TotalSeconds);
                    bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
                    Console.WriteLine($"    rep {rep}: wall {watch.Elapsed.TotalSeconds:F2} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s");
                }

                Console.WriteLine($"train n={n,6} [{label}]: best of 3 {best:F2} s wall, {bestCpu:F2} s cpu, features={model!.Training.Features}, C={model.Training.C}");
                if (n == 20_000 && options.C is not null)
                {
                    MeasureMemory(model);
                }
            }
        }

    }

    /// <summary>The default model's fit on the bootstrap corpus (what a fresh install does at start) and prediction on a long piece.</summary>
    private static void DefaultFitAndPredict()
    {
        StanceClassifier defaultModel = null!;
        for (var rep = 0; rep < 3; rep++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            defaultModel = BenchmarkData.DefaultModel();
            Console.WriteLine($"default model fit on the bootstrap corpus (C by 5-fold CV, calibrated): wall {watch.Elapsed.TotalSeconds:F2} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s");
        }

        MeasureMemory(defaultModel);
        var piece = BenchmarkData.LongPiece();
        var words = piece.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
        var targets = BenchmarkData.Catalog.Targets;
        var prepared = StanceDocument.Create(piece, BenchmarkData.Catalog);
        Time($"predict a {words}-word piece for 3 targets", () => defaultModel.Predict(StanceDocument.Create(piece, BenchmarkData.Catalog), targets));
        Time("  of which: document preparation (split, mentions, tokens)", () => StanceDocument.Create(piece, BenchmarkData.Catalog).Tokens);
        Time("  of which: featurization and scoring (document prepared)", () => defaultModel.Predict(prepared, targets));
    }

    /// <summary>Times <paramref name="action"/> call by call: 2,000 calls after 1,000 warm-up; percentiles, since a shared machine's spread is wide.</summary>
    private static void Time(string label, Func<object> action)
    {
        for (var rep = 0; rep < 1_000; rep++)
        {
            action();
        }

        var timings = new double[2_000];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var rep = 0; rep < timings.Length; rep++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            timings[rep] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / timings.Length;
        Array.Sort(timings);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: median {timings[timings.Length / 2]:F3} ms, p10 {timings[timings.Length / 10]:F3} ms, p90 {timings[timings.Length * 9 / 10]:F3} ms, {allocated / 1024.0:F0} KB allocated a call (2,000 calls after 1,000 warm-up)"));
    }

    private static void MeasureMemory(StanceClassifier model)
    {
        var bytes = model.ToBytes();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var loaded = StanceClassifier.FromBytes(bytes);
        loaded.Predict("Moscow said little.", "Russia");
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"model {model.Version}: file {bytes.Length / 1e6:F1} MB, loaded managed memory {(after - before) / 1e6:F1} MB ({model.Training.Features} features, {model.TrainedTargets.Count} targets)");
        GC.KeepAlive(loaded);
    }

    private static void Print(string label, StanceMetrics m) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-24} f_avg {m.FAvg:F3}  f_favor {m.FFavor:F3}  f_against {m.FAgainst:F3}  macro_f1 {m.MacroF1:F3}  acc {m.Accuracy:F3}  n={m.Count}"));
}
