using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Evaluation;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>
/// Whole-run model figures, one JSON line each (progress on stderr):
/// <c>model-figures cv|fit|predict|memory|all</c>, <c>model-figures perspectrum</c> (accuracy, see
/// <see cref="PerspectrumFigures"/>) and <c>model-figures long-pieces N FILE</c> (a CSV of N
/// 1,000-word pieces × 3 targets for timing the <c>predict</c> command) and <c>model-figures short-texts N FILE</c>
/// (the fit figures' N synthetic short texts as a labelled CSV).
/// </summary>
internal static class ModelFigures
{
    public static void Run(string[] args)
    {
        var what = args.FirstOrDefault() ?? "all";
        if (what == "long-pieces")
        {
            LongPiecesCsv(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
            return;
        }

        if (what == "short-texts")
        {
            ShortTextsCsv(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
            return;
        }

        if (what is "cv" or "all")
        {
            CrossValidation();
        }

        if (what is "fit" or "all")
        {
            Fit(args.Contains("embeddings"));
        }

        if (what is "predict" or "all")
        {
            Predict(args.Contains("embeddings") ? FeatureSet.NgramsEmbeddings : FeatureSet.Ngrams);
        }

        if (what is "memory" or "all")
        {
            Memory();
        }
    }

    /// <summary>5-fold CV of the whole procedure on the bootstrap corpus: a unit check of the default options, not a benchmark.</summary>
    private static void CrossValidation()
    {
        var data = BootstrapCorpus.Load();
        foreach (var l2 in new double?[] { null, DefaultL2 })
        {
            var watch = Stopwatch.StartNew();
            var metrics = CrossValidator.Run(data, new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, L2 = l2, CrossValidationFolds = l2 is null ? 5 : 0 }, folds: 5);
            Emit("bootstrap corpus 5-fold CV (unit check)", new { l2 = l2?.ToString(CultureInfo.InvariantCulture) ?? "by inner CV", f_avg = R(metrics.FAvg), macro_f1 = R(metrics.MacroF1), accuracy = R(metrics.Accuracy), seconds = R(watch.Elapsed.TotalSeconds) });
        }
    }

    private const double DefaultL2 = 0.1;

    /// <summary>Plain fits at fixed λ on synthetic short texts (best of 3), and the default model's fit on the bootstrap corpus.</summary>
    private static void Fit(bool embeddings)
    {
        foreach (var n in new[] { 3_000, 20_000 })
        {
            var data = ShortTextGenerator.Generate(n, seed: 1);
            var times = new List<double>();
            for (var rep = 0; rep < 3; rep++)
            {
                var watch = Stopwatch.StartNew();
                new StanceModelTrainer(new StanceModelTrainerOptions { L2 = DefaultL2, CrossValidationFolds = 0 }).Fit(data);
                times.Add(watch.Elapsed.TotalSeconds);
            }

            Emit("fit, n-grams, fixed λ", new { texts = n, best_seconds = R(times.Min()), median_seconds = R(Median(times)) });
        }

        var corpus = BootstrapCorpus.Load();
        var defaults = new List<double>();
        for (var rep = 0; rep < 3; rep++)
        {
            var watch = Stopwatch.StartNew();
            new StanceModelTrainer(new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, L2 = DefaultL2, CrossValidationFolds = 3 }).Fit(corpus);
            defaults.Add(watch.Elapsed.TotalSeconds);
        }

        Emit("default model at first start (bootstrap corpus, 925 rows, 4 chains, 3-fold CV metrics)", new { median_seconds = R(Median(defaults)) });
        if (!embeddings)
        {
            return;
        }

        var texts = ShortTextGenerator.Generate(3_000, seed: 1);
        var embedWatch = Stopwatch.StartNew();
        MiniLmEmbedderWarm();
        Analysis.Embeddings.MiniLmEmbedder.Shared.Embed(texts.Select(t => t.Text).ToArray());
        var embedSeconds = embedWatch.Elapsed.TotalSeconds;
        var fitWatch = Stopwatch.StartNew();
        new StanceModelTrainer(new StanceModelTrainerOptions { Features = FeatureSet.NgramsEmbeddings, L2 = DefaultL2, CrossValidationFolds = 0 }).Fit(texts);
        Emit("fit, n-grams + embeddings, fixed λ (embedding time separate)", new { texts = 3_000, embed_seconds = R(embedSeconds), fit_seconds_with_cached_embeddings = R(fitWatch.Elapsed.TotalSeconds) });
    }

    private static void MiniLmEmbedderWarm() => Analysis.Embeddings.MiniLmEmbedder.Shared.Embed(["warm up"]);

    /// <summary>The batch path on 1,000-word pieces × 3 targets: pieces per second of the model call (preparation included).</summary>
    private static void Predict(FeatureSet features)
    {
        var model = new StanceModelTrainer(new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, Features = features, L2 = DefaultL2, CrossValidationFolds = 0 }).Fit(BootstrapCorpus.Load());
        // Each repetition scores pieces of its own: the embedding model caches sentence vectors, so
        // scoring the same pieces again would measure the cache, not the model.
        var size = features == FeatureSet.Ngrams ? 400 : 40;
        const int Single = 20;
        var all = BenchmarkData.LongPieces((3 * size) + 5 + Single);
        var scorer = new Analysis.Scoring.PieceScorer(BenchmarkData.Catalog, model);
        scorer.Score(all.Take(5).ToArray());
        var rates = new List<double>();
        var cpuRates = new List<double>();
        List<string> pieces = [];
        for (var rep = 0; rep < 3; rep++)
        {
            pieces = all.Skip(5 + (rep * size)).Take(size).ToList();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            scorer.Score(pieces);
            var seconds = watch.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            rates.Add(pieces.Count / seconds);
            cpuRates.Add(pieces.Count / cpuSeconds);
            Console.Error.WriteLine($"  rep {rep}: {pieces.Count / seconds:F0} pieces/s wall, {pieces.Count / cpuSeconds:F0} pieces per CPU-second");
        }

        var one = Stopwatch.StartNew();
        foreach (var piece in all.Skip(5 + (3 * size)))
        {
            scorer.Score(piece);
        }

        Emit($"score 1,000-word pieces x 3 targets, batch path ({FeatureSetText.ToText(features)})", new
        {
            pieces = pieces.Count,
            median_pieces_per_second = R(Median(rates)),
            median_pieces_per_cpu_second = R(Median(cpuRates)),
            one_piece_ms = R(one.Elapsed.TotalMilliseconds / Single),
        });
    }

    private static void Memory()
    {
        foreach (var n in new[] { 925, 20_000 })
        {
            var data = n == 925 ? BootstrapCorpus.Load() : ShortTextGenerator.Generate(n, seed: 1);
            var bytes = new StanceModelTrainer(new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, L2 = DefaultL2, CrossValidationFolds = 0 }).Fit(data).ToBytes();
            var before = SettledMemory();
            var loaded = StanceModel.FromBytes(bytes);
            loaded.Predict("Moscow said little.", "Russia");
            var after = SettledMemory();
            Emit("loaded n-gram model", new { training_texts = n, file_mb = R(bytes.Length / 1e6), managed_mb = R((after - before) / 1e6) });
            GC.KeepAlive(loaded);
        }
    }

    /// <summary>Managed memory once collections stop freeing anything (ML.NET's data caches are filled and released by threads of their own, after a fit returns).</summary>
    private static long SettledMemory()
    {
        var last = long.MaxValue;
        for (var i = 0; i < 20; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var now = GC.GetTotalMemory(forceFullCollection: true);
            if (Math.Abs(last - now) < 256 * 1024)
            {
                return now;
            }

            last = now;
            Thread.Sleep(250);
        }

        return last;
    }

    /// <summary>The synthetic short texts of the fit figures as a <c>train --data</c> file (for whole-process figures of a large model).</summary>
    private static void ShortTextsCsv(int count, string path)
    {
        using var writer = new StreamWriter(path);
        writer.Write("text,target,stance\n");
        foreach (var e in ShortTextGenerator.Generate(count, seed: 1))
        {
            writer.Write($"\"{e.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{e.Target},{Analysis.Model.StanceText.ToText(e.Stance)}\n");
        }
    }

    private static void LongPiecesCsv(int count, string path)
    {
        using var writer = new StreamWriter(path);
        writer.Write("text,target\n");
        foreach (var piece in BenchmarkData.LongPieces(count))
        {
            foreach (var target in BenchmarkData.Catalog.Targets)
            {
                writer.Write($"\"{piece.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{target.Name}\n");
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double R(double value) => Math.Round(value, 3);

    private static void Emit(string what, object figures) =>
        Console.WriteLine(JsonSerializer.Serialize(new { what, figures }));
}
