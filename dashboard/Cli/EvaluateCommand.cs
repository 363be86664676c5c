using System.CommandLine;
using StanceBoard.Analysis.Evaluation;
using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Dashboard.Cli;

/// <summary><c>evaluate --model MODEL --data FILE</c>.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model file (from 'train --out'); without it, the store's active version.", HelpName = "MODEL" };
        var data = new Option<string>("--data") { Description = "Labelled CSV or JSONL with text,target,stance.", HelpName = "FILE", Required = true };
        var db = CliOptions.Database();
        var verbose = CliOptions.Verbose();
        var command = new Command("evaluate", """
            Score a model on labelled data. The last line on stdout is JSON with f_avg (the mean of
            F1(favor) and F1(against) pooled over all rows, the SemEval-2016 stance measure),
            f_favor, f_against, macro_f1, accuracy, count, per_target and confusion (rows gold,
            columns predicted, both in the order favor, against, none). Bad rows are reported on
            stderr with their line numbers and left out; the verb then exits with 1.

            Examples:
              stanceboard evaluate --model stance.model --data holdout.csv
              stanceboard evaluate --data holdout.jsonl --db board.db
            """)
        {
            model, data, db, verbose,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(model), parse.GetValue(data)!, parse.GetValue(db), parse.GetValue(verbose), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? modelPath, string dataPath, string? database, bool verbose, CancellationToken cancellationToken)
    {
        var data = LabelledFile.Read(dataPath);
        if (data is null)
        {
            return CliApp.Failure;
        }

        var model = await ModelSource.LoadAsync(modelPath, database, verbose, cancellationToken);
        if (model is null)
        {
            return CliApp.Failure;
        }

        var targets = ModelSource.ConfiguredTargets();
        var predictions = ModelSource.PredictAll(model, data.Examples, targets, cancellationToken);
        var metrics = StanceEvaluator.Evaluate(data.Examples.Select((e, i) => (e.Target, e.Stance, predictions[i].Stance)));
        CliOutput.Info($"Evaluated model {model.Version} on {metrics.Count} row(s).");
        CliOutput.WriteJsonLine(new EvaluateLine(model.Version, FeatureSetText.ToText(model.Features), metrics.FAvg, metrics.FFavor, metrics.FAgainst, metrics.MacroF1, metrics.Accuracy, metrics.Count, metrics.PerTarget, metrics.Confusion, data.Problems.Count));
        if (data.Problems.Count > 0)
        {
            CliOutput.Info(LabelledFile.NotAllRowsUsed(dataPath, data));
            return CliApp.Failure;
        }

        return CliApp.Ok;
    }

    /// <summary>The last line of <c>evaluate</c>.</summary>
    private sealed record EvaluateLine(
        string ModelVersion,
        string Features,
        double FAvg,
        double FFavor,
        double FAgainst,
        double MacroF1,
        double Accuracy,
        int Count,
        IReadOnlyDictionary<string, StanceMetrics> PerTarget,
        int[][] Confusion,
        int SkippedRows);
}
