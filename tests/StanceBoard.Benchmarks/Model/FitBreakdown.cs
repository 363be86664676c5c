using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.ML;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>
/// Where the model's time goes, one JSON line per run:
/// <c>model-figures breakdown N [dict|hashed|hashed-words|dict-c3|dict-words] [lbfgs|lbfgs1|lbfgs-m5|sdca]</c> times text
/// preparation, featurizer fit, featurization and one classifier separately on N synthetic short
/// texts (925: the bootstrap corpus); <c>model-figures breakdown fit N FOLDS</c> times whole fits
/// (λ = 0.1, FOLDS-fold CV, REPS repetitions, default 3) with the process's CPU seconds per fit;
/// <c>model-figures breakdown predict N</c> times preparing and predicting N 1,000-word pieces × the
/// dashboard's three configured targets; <c>model-figures breakdown compare N FOLDS "SETTINGS" "SETTINGS"...</c>
/// compares whole fits of configurations in one process (see <see cref="Compare"/>). Settings
/// (<c>key=value</c>, see <see cref="TrainerSettings"/>) apply to every mode.
/// </summary>
internal static class FitBreakdown
{
    private static void PredictBreakdown(int count)
    {
        var model = BenchmarkData.DefaultModel();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddJsonFile(Path.GetFullPath("dashboard/appsettings.json")).Build();
        var catalog = StanceBoard.Dashboard.Hosting.TargetsConfiguration.Load(configuration);
        var pieces = BenchmarkData.LongPieces(count);
        var watch = Stopwatch.StartNew();
        var requests = pieces.SelectMany(p => catalog.Targets.Select(t => new StanceRequest(model.Prepare(p, t), t))).ToArray();
        var prepare = watch.Elapsed.TotalSeconds;
        watch.Restart();
        _ = requests.Select(r => r.Document.Tokens).ToArray();
        var tokens = watch.Elapsed.TotalSeconds;
        watch.Restart();
        model.Predict(requests);
        var predict = watch.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new { pieces = count, prepare, tokens, predict, pieces_per_second = count / (prepare + tokens + predict) }));
    }

    private static IEstimator<ITransformer> Featurizer(MLContext context, string config, PartTrainer trainer)
    {
        var t = context.Transforms;
        switch (config)
        {
            case "dict":
                return trainer.Featurizer(context);
            case "hashed":
                return t.Text.ProduceHashedWordBags("W", "Text", numberOfBits: 18, ngramLength: 3, useAllLengths: true)
                    .Append(t.Text.TokenizeIntoCharactersAsKeys("Chars", "Text", useMarkerCharacters: true))
                    .Append(t.Text.ProduceHashedNgrams("C", "Chars", numberOfBits: 18, ngramLength: 5, useAllLengths: true))
                    .Append(t.NormalizeLpNorm("W")).Append(t.NormalizeLpNorm("C"))
                    .Append(t.Concatenate("Features", "W", "C"));
            case "hashed-words":
                return t.Text.ProduceHashedWordBags("W", "Text", numberOfBits: 18, ngramLength: 3, useAllLengths: true)
                    .Append(t.NormalizeLpNorm("Features", "W"));
            case "dict-c3":
            case "dict-c4":
            case "dict-words":
                var o = NgramFeaturizer.Options(new StanceModelTrainerOptions());
                if (config == "dict-words") { o.CharFeatureExtractor = null; }
                else { o.CharFeatureExtractor!.NgramLength = config == "dict-c3" ? 3 : 4; o.CharFeatureExtractor.MaximumNgramsCount = Enumerable.Repeat(50_000, o.CharFeatureExtractor.NgramLength).ToArray(); }
                return t.Text.FeaturizeText("Features", o, "Text");
            default:
                throw new ArgumentException(config);
        }
    }

    /// <summary>
    /// Whole fits of several configurations in one process, interleaved (A B A B …, REPS rounds, default 5,
    /// after one untimed warm-up fit of each), so the machine's load falls on all alike: median wall and
    /// CPU seconds (the whole process's, ML.NET's threads included) per configuration, and each median's
    /// ratio to the first configuration's. A configuration is one argument of space-separated settings
    /// ("" or "defaults" for the defaults).
    /// </summary>
    private static void Compare(int count, int folds, string[] configs)
    {
        var corpus = count == 925 ? BootstrapCorpus.Load() : ShortTextGenerator.Generate(count, seed: 1);
        var reps = Environment.GetEnvironmentVariable("REPS") is { } r ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 5;
        var wall = configs.Select(_ => new List<double>()).ToArray();
        var cpu = configs.Select(_ => new List<double>()).ToArray();
        for (var rep = -1; rep < reps; rep++)
        {
            for (var c = 0; c < configs.Length; c++)
            {
                var options = new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, L2 = 0.1, CrossValidationFolds = folds };
                TrainerSettings.Apply(options, configs[c].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(TrainerSettings.IsSetting));
                GC.Collect();
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var w = Stopwatch.StartNew();
                new StanceModelTrainer(options).Fit(corpus);
                if (rep >= 0)
                {
                    wall[c].Add(w.Elapsed.TotalSeconds);
                    cpu[c].Add((Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds);
                }
            }
        }

        static double Median(List<double> x) => x.Order().ElementAt(x.Count / 2);
        for (var c = 0; c < configs.Length; c++)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                fit = count,
                folds,
                settings = configs[c].Length == 0 ? "defaults" : configs[c],
                median_seconds = Math.Round(Median(wall[c]), 3),
                median_cpu_seconds = Math.Round(Median(cpu[c]), 3),
                wall_ratio = Math.Round(Median(wall[c]) / Median(wall[0]), 2),
                cpu_ratio = Math.Round(Median(cpu[c]) / Median(cpu[0]), 2),
                times = wall[c].Select(t => Math.Round(t, 2)),
            }));
        }
    }

    public static void Run(string[] args)
    {
        if (args is ["lambda", .. var lambdaConfigs])
        {
            // The λ 5-fold CV chooses on the bootstrap corpus (how the default model's fixed λ was chosen), per configuration.
            foreach (var lambdaConfig in lambdaConfigs)
            {
                var lambdaOptions = new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, CrossValidationFolds = 5 };
                TrainerSettings.Apply(lambdaOptions, lambdaConfig.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                var model = new StanceModelTrainer(lambdaOptions).Fit(BootstrapCorpus.Load());
                Console.WriteLine(JsonSerializer.Serialize(new { settings = lambdaConfig.Length == 0 ? "defaults" : lambdaConfig, chosen_l2 = model.Info.L2, cv_f_avg = Math.Round(model.Info.CrossValidation!.FAvg, 4) }));
            }

            return;
        }

        if (args is ["compare", var n2, var f2, .. var configs])
        {
            Compare(int.Parse(n2, System.Globalization.CultureInfo.InvariantCulture), int.Parse(f2, System.Globalization.CultureInfo.InvariantCulture), configs);
            return;
        }

        var settings = args.Where(TrainerSettings.IsSetting).ToArray();
        args = args.Where(a => !TrainerSettings.IsSetting(a)).ToArray();
        if (args is ["fit", var size, var folds])
        {
            // Whole fits, median of 3: N synthetic short texts (925 = the bootstrap corpus with its targets), λ = 0.1, FOLDS-fold CV (0 = none).
            var count = int.Parse(size, System.Globalization.CultureInfo.InvariantCulture);
            var corpus = count == 925 ? BootstrapCorpus.Load() : ShortTextGenerator.Generate(count, seed: 1);
            var times = new List<double>();
            var reps = Environment.GetEnvironmentVariable("REPS") is { } r ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 3;
            for (var rep = 0; rep < reps; rep++)
            {
                var w = Stopwatch.StartNew();
                var fitOptions = new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, L2 = 0.1, CrossValidationFolds = int.Parse(folds, System.Globalization.CultureInfo.InvariantCulture) };
                TrainerSettings.Apply(fitOptions, settings);
                new StanceModelTrainer(fitOptions).Fit(corpus);
                times.Add(w.Elapsed.TotalSeconds);
            }

            Console.WriteLine(JsonSerializer.Serialize(new { fit = count, folds, settings = string.Join(' ', settings), median_seconds = times.Order().ElementAt(times.Count / 2), times, cpu_seconds_per_fit = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds / times.Count }));
            return;
        }

        if (args is ["predict", ..])
        {
            PredictBreakdown(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        var n = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3000;
        var data = n == 925 ? BootstrapCorpus.Load() : ShortTextGenerator.Generate(n, seed: 1);
        var options = new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, L2 = 0.1, CrossValidationFolds = 0 };
        TrainerSettings.Apply(options, settings);
        var watch = Stopwatch.StartNew();
        var targetOf = data.Select(e => e.Target).ToArray();
        var rows = TrainingRows.Prepare(data, BootstrapCorpus.Targets.ToList(), targetOf, options, null, default).Rows;
        var prepare = watch.Elapsed.TotalSeconds;
        var trainer = new PartTrainer(options, false, 1);
        var context = trainer.NewContext();
        watch.Restart();
        var view = trainer.Load(context, rows);
        var config = args.Length > 1 ? args[1] : "dict";
        var featurizer = Featurizer(context, config, trainer).Fit(view);
        var fitFeaturizer = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var cached = context.Data.Cache(featurizer.Transform(view));
        using (var cursor = cached.GetRowCursor(cached.Schema)) { while (cursor.MoveNext()) { } }
        var transform = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var which = args.Length > 2 ? args[2] : "lbfgs";
        var mapped = context.Transforms.Conversion.MapValueToKey("Label").Fit(cached).Transform(cached);
        ITransformer fitted = which switch
        {
            "lbfgs1" => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options { L1Regularization = 0, L2Regularization = 0.1f, OptimizationTolerance = 1e-4f, NumberOfThreads = 1, ExampleWeightColumnName = "Weight" }).Fit(mapped),
            "lbfgs-m5" => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options { L1Regularization = 0, L2Regularization = 0.1f, OptimizationTolerance = 1e-4f, HistorySize = 5, ExampleWeightColumnName = "Weight" }).Fit(mapped),
            "sdca" => context.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options { L1Regularization = 0, L2Regularization = 1e-4f, MaximumNumberOfIterations = 20, ExampleWeightColumnName = "Weight" }).Fit(mapped),
            _ => trainer.Trainer(context, 0.1, n).Fit(cached),
        };
        var classifier = watch.Elapsed.TotalSeconds;
        var classifierCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new { texts = n, config, which, settings = string.Join(' ', settings), classifierCpu, prepare, fitFeaturizer, transform, classifier, features = ((Microsoft.ML.Data.VectorDataViewType)cached.Schema["Features"].Type).Size }));
    }
}
