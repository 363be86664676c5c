using System.CommandLine;
using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Ingestion.Files;

namespace StanceBoard.Dashboard.Cli;

/// <summary><c>score &lt;file&gt;... [--model MODEL]</c>: like <c>ingest --json</c>, without storing.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files (.txt, .md, .html, .jsonl) or folders to read.", Arity = ArgumentArity.OneOrMore };
        var model = new Option<string>("--model") { Description = "Model file (from 'train --out'); without it, the store's active version.", HelpName = "MODEL" };
        var db = CliOptions.Database();
        var verbose = CliOptions.Verbose();
        var command = new Command("score", """
            Read pieces from files and print, for each, one JSON line like 'ingest --json' (title,
            authors, outlet, published, url, and per mentioned target its stance, score,
            probabilities and evidence sentences) without storing anything. Problems name the file
            and line; the exit code is 1 when any input failed.

            Examples:
              stanceboard score article.txt --model stance.model
              stanceboard score ./scraped/ > scores.jsonl
            """)
        {
            paths, model, db, verbose,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(paths)!, parse.GetValue(model), parse.GetValue(db), parse.GetValue(verbose), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string? modelPath, string? database, bool verbose, CancellationToken cancellationToken)
    {
        var model = await ModelSource.LoadAsync(modelPath, database, verbose, cancellationToken);
        if (model is null)
        {
            return CliApp.Failure;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Services.AddOptions<FileIngestionOptions>().BindConfiguration(FileIngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        using var host = builder.Build();
        var reader = new FilePieceReader(host.Services.GetRequiredService<IOptions<FileIngestionOptions>>().Value);
        var scorer = new PieceScorer(ModelSource.ConfiguredTargets(), model);
        var failed = 0;
        var scored = 0;
        await foreach (var result in reader.ReadAsync(paths, cancellationToken))
        {
            if (!result.IsSuccess)
            {
                failed++;
                CliOutput.Problem(result.Location, result.Error!);
                continue;
            }

            var piece = result.Piece!;
            var scores = scorer.Score(piece.Text);
            CliOutput.WriteJsonLine(new IngestLine(
                null,
                false,
                result.Location,
                piece.Title,
                piece.Authors,
                piece.Outlet,
                piece.Published,
                piece.Url,
                scores.ToDictionary(s => s.Target, TargetScoreDto.From, StringComparer.OrdinalIgnoreCase)));
            scored++;
        }

        CliOutput.Info($"{scored} scored with model {model.Version}, {failed} failed.");
        return failed > 0 ? CliApp.Failure : CliApp.Ok;
    }
}
