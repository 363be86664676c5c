using System.Diagnostics;
using System.Text.Json;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Targets;
using StanceBoard.Analysis.Training;
using StanceBoard.Dashboard.Labelling.Training;

namespace StanceBoard.Benchmarks.Labelling;

/// <summary>
/// <c>labelling-trainer [--labels 5000]</c>: CPU and wall time of training on that many generated
/// labels (as the page's runs see them: passages naming the target) plus the bootstrap corpus,
/// with the search settings a run could use. In process, no database.
/// </summary>
internal static class TrainerVariants
{
    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--labels");
        var labels = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 5000;
        var catalog = new TargetCatalog(BootstrapCorpus.Targets);
        var generator = new CommentaryGenerator(5);
        var examples = new List<LabelledExample>();
        while (examples.Count < labels)
        {
            var (_, text, stances) = generator.Next();
            examples.AddRange(stances.Select(s => new LabelledExample { Text = TrainingPassages.Extract(text, s.Key, [], catalog), Target = s.Key, Stance = s.Value }));
        }

        examples.AddRange(BootstrapCorpus.Load());
        var results = new Dictionary<string, object>();
        foreach (var (name, configure) in new (string, Action<StanceModelTrainerOptions>)[]
        {
            ("cv5_l2_search", _ => { }),
            ("cv3_l2_search", o => o.CrossValidationFolds = 3),
            ("fixed_l2_one_fit", o => { o.CrossValidationFolds = 0; o.L2 = 0.1; }),
        })
        {
            var options = new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, Seed = 1 };
            configure(options);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var model = new StanceModelTrainer(options).Fit(examples);
            results[name] = new
            {
                wall_seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
                cpu_seconds = Math.Round((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, 2),
                l2 = model.Info.L2,
                cv_f_avg = model.Info.CrossValidation?.FAvg,
            };
            Console.Error.WriteLine($"{name}: {JsonSerializer.Serialize(results[name])}");
        }

        Console.WriteLine(JsonSerializer.Serialize(new { examples = examples.Count, load_average = File.ReadAllText("/proc/loadavg").Split(' ')[0], results }, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }
}
