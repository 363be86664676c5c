using System.CommandLine;
using System.Text;
using StanceBoard.Dashboard.Labelling.Files;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Cli;

/// <summary><c>labels export|import</c>: labels as CSV or JSONL in the format <c>train --data</c> reads.</summary>
internal static class LabelsCommand
{
    public static Command Create()
    {
        var command = new Command("labels", """
            Export and import labels. Files are CSV (with a header) or JSONL with text, target and
            stance (the format 'train --data' reads) plus piece_id, annotator, time, origin, split,
            note, evidence, title, author, outlet, published, label_id and current.

            Examples:
              stanceboard labels export --out labels.csv
              stanceboard labels export --scope gold --format jsonl --out gold.jsonl
              stanceboard labels import labels.csv --annotator alice
            """);
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Import());
        return command;
    }

    private static Command Export()
    {
        var output = new Option<string?>("--out") { Description = "Write to this file (default: stdout).", HelpName = "FILE" };
        var format = new Option<string?>("--format") { Description = "csv or jsonl (default: from the --out extension, else csv).", HelpName = "csv|jsonl" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var scope = new Option<string>("--scope") { Description = "current (every annotator's current label, the default), gold (one agreed label per piece and target, what training uses) or history (every version).", DefaultValueFactory = _ => "current" };
        scope.AcceptOnlyFromAmong("current", "gold", "history");
        var db = CliOptions.Database();
        var command = new Command("export", "Write the stored labels as CSV or JSONL.") { output, format, scope, db };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(output);
            var fileFormat = parse.GetValue(format) is { } named ? (named == "jsonl" ? LabelFileFormat.Jsonl : LabelFileFormat.Csv) : path is null ? LabelFileFormat.Csv : LabelFileFormats.FromPath(path);
            var exportScope = Enum.Parse<LabelExportScope>(parse.GetValue(scope)!, ignoreCase: true);
            using var host = await CliHost.StartAsync(parse.GetValue(db), verbose: false, ct);
            var labels = host.Services.GetRequiredService<ILabelStore>();
            await using var writer = path is null
                ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false))
                : new StreamWriter(path, false, new UTF8Encoding(false));
            var count = await LabelExporter.WriteAsync(writer, fileFormat, exportScope, labels.ReadAllAsync(exportScope == LabelExportScope.History, ct), ct);
            CliOutput.Info($"Exported {count} label(s){(path is null ? string.Empty : $" to {path}")}.");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "A CSV or JSONL label file (.jsonl/.ndjson/.json are JSONL)." };
        var annotator = new Option<string>("--annotator") { Description = "The annotator of rows without an annotator column (default: import).", DefaultValueFactory = _ => "import" };
        var db = CliOptions.Database();
        var command = new Command("import", """
            Import labels. Bad rows (missing text, unknown target, unknown stance, bad time) are
            reported on stderr with their line numbers and skipped; the rest are imported. A row's
            text is linked to the stored piece with the same content. The last line on stdout is
            JSON: rows, imported, revised, unchanged, linked, problems.
            """)
        { file, annotator, db };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                CliOutput.Problem(path, "no such file");
                return CliApp.Failure;
            }

            using var host = await CliHost.StartAsync(parse.GetValue(db), verbose: false, ct);
            LabelImportReport report;
            try
            {
                await using var stream = File.OpenRead(path);
                report = await host.Services.GetRequiredService<LabelImporter>().ImportAsync(stream, LabelFileFormats.FromPath(path), parse.GetValue(annotator)!, ct);
            }
            catch (LabelFileException ex)
            {
                CliOutput.Problem(path, ex.Message);
                return CliApp.Failure;
            }

            foreach (var problem in report.Problems)
            {
                Console.Error.WriteLine($"warning: {path}:{problem.Line}: {problem.Message} (row skipped)");
            }

            CliOutput.WriteJsonLine(report);
            CliOutput.Info($"Imported {report.Imported} new and {report.Revised} revised label(s); {report.Unchanged} unchanged, {report.Problems.Count} bad row(s) skipped.");
            return report.Problems.Count == 0 ? CliApp.Ok : CliApp.Failure;
        });
        return command;
    }
}
