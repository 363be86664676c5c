using System.Diagnostics;
using System.Text.Json;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Evaluation;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>
/// Accuracy on the perspectrum stance set (real, public, outside the repo; test claims unseen in
/// train), one JSON line per configuration:
/// <c>model-figures perspectrum [DIR] [baseline|ngrams|embeddings|interactions]...</c>.
/// New-engine configurations choose λ on dev (fit on train, scored on dev for each candidate) and
/// score test once with the chosen λ; the baseline is reported at the reference's two C values.
/// <c>dev-only</c> scores dev alone (for exploring configurations without looking at test). Arguments <c>key=value</c> set the trainer's options (see <see cref="TrainerSettings"/>; <c>lambdas=</c>
/// sets the λ candidates, default the trainer's).
/// </summary>
internal static class PerspectrumFigures
{
    public static void Run(string[] args)
    {
        var dir = args.FirstOrDefault(a => Directory.Exists(a)) ?? Path.Combine("..", "shared", "benchmarks", "perspectrum");
        var devOnly = args.Contains("dev-only", StringComparer.OrdinalIgnoreCase);
        var which = args.Where(a => !Directory.Exists(a) && !TrainerSettings.IsSetting(a) && !a.Equals("dev-only", StringComparison.OrdinalIgnoreCase)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settings = new StanceModelTrainerOptions();
        var label = TrainerSettings.Apply(settings, args);
        bool Wants(string name) => which.Count == 0 || which.Contains(name);
        var reader = new LabelledDataReader();
        var train = reader.ReadFile(Path.Combine(dir, "train.csv")).Examples;
        var dev = reader.ReadFile(Path.Combine(dir, "dev.csv")).Examples;
        var test = reader.ReadFile(Path.Combine(dir, "test.csv")).Examples;
        Console.Error.WriteLine($"perspectrum: train {train.Count}, dev {dev.Count}, test {test.Count}");

        if (Wants("baseline"))
        {
            foreach (var c in new[] { 0.1, 0.5 })
            {
                var watch = Stopwatch.StartNew();
                var onDev = BaselineSvm.FitPredict(train, dev, c);
                var devFAvg = StanceEvaluator.Evaluate(dev.Select((e, i) => (e.Target, e.Stance, onDev[i]))).FAvg;
                Console.Error.WriteLine($"  baseline C={c}: dev f_avg {devFAvg:F3}");
                if (!devOnly)
                {
                    var predicted = BaselineSvm.FitPredict(train, test, c);
                    Report($"baseline: TF-IDF word 1-3 + char 2-5 (sublinear) -> ML.NET LinearSvm one-vs-rest, pooled, C={c} (dev f_avg {devFAvg:F3})", test, predicted, watch.Elapsed.TotalSeconds);
                }
            }
        }

        foreach (var (name, features, interactions) in new[]
        {
            ("ngrams", FeatureSet.Ngrams, false),
            ("embeddings", FeatureSet.NgramsEmbeddings, false),
            ("interactions", FeatureSet.NgramsEmbeddings, true),
        })
        {
            if (!Wants(name))
            {
                continue;
            }

            var watch = Stopwatch.StartNew();
            StanceModel? best = null;
            var bestDev = -1.0;
            foreach (var l2 in settings.CandidateL2)
            {
                var options = settings.Clone();
                (options.Features, options.EmbeddingInteractions, options.L2, options.CrossValidationFolds) = (features, interactions, l2, 0);
                var model = new StanceModelTrainer(options).Fit(train);
                var devMetrics = Evaluate(model, dev);
                Console.Error.WriteLine($"  {name} λ={l2}: dev f_avg {devMetrics.FAvg:F3}");
                if (devMetrics.FAvg > bestDev)
                {
                    (best, bestDev) = (model, devMetrics.FAvg);
                }
            }

            Console.Error.WriteLine($"  {name} {label}: chosen λ={best!.Info.L2}, dev f_avg {bestDev:F4}");
            if (devOnly)
            {
                continue;
            }

            var predicted = Predict(best!, test);
            Report($"ML.NET {FeatureSetText.ToText(features)}{(interactions ? " + u*v, |u-v|" : "")}, shared model, {label}, λ={best!.Info.L2} chosen on dev (dev f_avg {bestDev:F3})", test, predicted, watch.Elapsed.TotalSeconds);
        }
    }

    private static StanceMetrics Evaluate(StanceModel model, IReadOnlyList<LabelledExample> data)
    {
        var predicted = Predict(model, data);
        return StanceEvaluator.Evaluate(data.Select((e, i) => (e.Target, e.Stance, predicted[i])));
    }

    private static List<Stance> Predict(StanceModel model, IReadOnlyList<LabelledExample> data)
    {
        var requests = data.Select(e =>
        {
            var target = model.Resolve(e.Target);
            return new StanceRequest(model.Prepare(e.Text, target), target);
        }).ToArray();
        return model.Predict(requests).Select(p => p.Stance).ToList();
    }

    private static void Report(string configuration, IReadOnlyList<LabelledExample> test, List<Stance> predicted, double seconds)
    {
        var m = StanceEvaluator.Evaluate(test.Select((e, i) => (e.Target, e.Stance, predicted[i])));
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            split = "perspectrum test",
            configuration,
            f_avg = Math.Round(m.FAvg, 4),
            f_favor = Math.Round(m.FFavor, 4),
            f_against = Math.Round(m.FAgainst, 4),
            accuracy = Math.Round(m.Accuracy, 4),
            n = m.Count,
            seconds = Math.Round(seconds, 1),
        }));
    }
}
