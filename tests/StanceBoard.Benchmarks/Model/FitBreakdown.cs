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
/// dashboard's three configured targets.
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
                var o = NgramFeaturizer.Options();
                if (config == "dict-words") { o.CharFeatureExtractor = null; }
                else { o.CharFeatureExtractor!.NgramLength = config == "dict-c3" ? 3 : 4; o.CharFeatureExtractor.MaximumNgramsCount = Enumerable.Repeat(50_000, o.CharFeatureExtractor.NgramLength).ToArray(); }
                return t.Text.FeaturizeText("Features", o, "Text");
            default:
                throw new ArgumentException(config);
        }
    }

    public static void Run(string[] args)
    {
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
                new StanceModelTrainer(new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, L2 = 0.1, CrossValidationFolds = int.Parse(folds, System.Globalization.CultureInfo.InvariantCulture) }).Fit(corpus);
                times.Add(w.Elapsed.TotalSeconds);
            }

            Console.WriteLine(JsonSerializer.Serialize(new { fit = count, folds, median_seconds = times.Order().ElementAt(times.Count / 2), times, cpu_seconds_per_fit = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds / times.Count }));
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
        var watch = Stopwatch.StartNew();
        var targetOf = data.Select(e => e.Target).ToArray();
        var rows = TrainingRows.Prepare(data, BootstrapCorpus.Targets.ToList(), targetOf, options, null, default).Rows;
        var prepare = watch.Elapsed.TotalSeconds;
        var trainer = new PartTrainer(1, false, 1, 1e-4f);
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
            _ => trainer.Trainer(context, 0.1).Fit(cached),
        };
        var classifier = watch.Elapsed.TotalSeconds;
        var classifierCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new { texts = n, config, which, classifierCpu, prepare, fitFeaturizer, transform, classifier, features = ((Microsoft.ML.Data.VectorDataViewType)cached.Schema["Features"].Type).Size }));
    }
}
