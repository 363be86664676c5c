using System.CommandLine;
using System.Globalization;
using CsvHelper;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Dashboard.Cli;

/// <summary><c>predict --model MODEL --data FILE --out PRED.csv</c>.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model file (from 'train --out'); without it, the store's active version.", HelpName = "MODEL" };
        var data = new Option<string>("--data") { Description = "CSV or JSONL with text,target (a stance column is allowed and ignored).", HelpName = "FILE", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the predictions (CSV).", HelpName = "PRED.csv", Required = true };
        var db = CliOptions.Database();
        var verbose = CliOptions.Verbose();
        var command = new Command("predict", """
            Predict the stance of each row of FILE towards its target. PRED.csv has the header
            target,stance,score,p_favor,p_against,p_none and one row per input row, in order. A row
            that cannot be read (missing text or target, malformed line) is reported on stderr with
            its line number and gets a row with empty values; the exit code is then 1.

            Examples:
              stanceboard predict --model stance.model --data unlabelled.csv --out predictions.csv
              stanceboard predict --data sentences.jsonl --out predictions.csv --db board.db
            """)
        {
            model, data, output, db, verbose,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(model), parse.GetValue(data)!, parse.GetValue(output)!, parse.GetValue(db), parse.GetValue(verbose), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? modelPath, string dataPath, string output, string? database, bool verbose, CancellationToken cancellationToken)
    {
        var data = LabelledFile.Read(dataPath, requireStance: false);
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
        var rows = data.Examples.Select((e, i) => (e.Line, Prediction: (StancePrediction?)predictions[i], e.Target))
            .Concat(data.Problems.Select(p => (p.Line, Prediction: (StancePrediction?)null, Target: "")))
            .OrderBy(r => r.Line)
            .ToList();
        await using (var writer = CsvWriter.Create(File.Create(output), CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: false))
        {
            writer.WriteHeader(["target", "stance", "score", "p_favor", "p_against", "p_none"]);
            foreach (var (_, p, target) in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (p is null)
                {
                    writer.WriteRecord(["", "", "", "", "", ""]);
                    continue;
                }

                writer.WriteRecord(
                [
                    target,
                    StanceText.ToText(p.Stance),
                    Format(p.Score),
                    Format(p.PFavor),
                    Format(p.PAgainst),
                    Format(p.PNone),
                ]);
            }
        }

        CliOutput.Info($"{data.Examples.Count} row(s) predicted with model {model.Version} into {output}; {data.Problems.Count} bad row(s).");
        return data.Problems.Count > 0 ? CliApp.Failure : CliApp.Ok;
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
