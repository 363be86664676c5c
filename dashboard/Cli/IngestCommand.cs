using System.CommandLine;
using Microsoft.Extensions.Options;
using Spectre.Console;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Sources;
using StanceBoard.Ingestion.Files;

namespace StanceBoard.Dashboard.Cli;

/// <summary><c>ingest &lt;file|dir&gt;... [--db PATH] [--json]</c>: reads pieces from files, scores and stores them.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files (.txt, .md, .html, .jsonl), folders, or http(s) URLs of articles, feeds or sitemaps (detected from the response).",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = CliOptions.Database();
        var json = CliOptions.Json();
        var verbose = CliOptions.Verbose();
        var command = new Command("ingest", """
            Read commentary from files, folders and web URLs, score it towards the configured targets and
            store it. A URL may be an article, a feed (RSS, Atom, JSON Feed) or a sitemap: the kind is
            detected from the response, and every item of a feed is fetched and ingested. A piece already
            stored (same text or URL) is not stored twice ("new": false). Problems name the file, line or
            URL; the rest of the batch still goes in. Exit code 1 when any input failed.

            Examples:
              stanceboard ingest article.txt
              stanceboard ingest ./scraped/ --json > pieces.jsonl
              stanceboard ingest feed-dump.jsonl --db /tmp/board.db
              stanceboard ingest https://example.org/analysis/piece https://example.org/feed/ --json
            """)
        {
            paths, db, json, verbose,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(paths)!, parse.GetValue(db), parse.GetValue(json), parse.GetValue(verbose), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string? database, bool json, bool verbose, CancellationToken cancellationToken)
    {
        using var host = await CliHost.StartAsync(database, verbose, cancellationToken);
        var processor = host.Services.GetRequiredService<PieceProcessor>();
        var urls = paths.Where(IsUrl).Select(p => new Uri(p)).ToList();
        var counts = new IngestCounts();
        foreach (var other in paths.Where(IsOtherUrl))
        {
            counts.Failed++;
            CliOutput.Problem(other, "only http and https URLs can be fetched; give an http(s) URL, a file or a folder");
        }

        paths = [.. paths.Where(p => !IsUrl(p) && !IsOtherUrl(p))];
        var reader = new FilePieceReader(host.Services.GetRequiredService<IOptions<FileIngestionOptions>>().Value);

        async Task RunBatchAsync(Action<string>? onProgress)
        {
            var concurrency = host.Services.GetRequiredService<IOptions<PollingOptions>>().Value.MaxConcurrentSources;
            await foreach (var result in host.Services.GetRequiredService<WebIngestion>().IngestUrlsAsync(urls, concurrency, cancellationToken))
            {
                var location = result.Item.Url;
                if (result.Stored is not { } stored)
                {
                    counts.Failed++;
                    CliOutput.Problem(location, result.Item.Error ?? $"not ingested ({result.Item.Status})");
                    continue;
                }

                counts.Stored += stored.IsNew ? 1 : 0;
                counts.Duplicates += stored.IsNew ? 0 : 1;
                if (json)
                {
                    CliOutput.WriteJsonLine(IngestLine.From(stored, location));
                }
                else
                {
                    Console.Out.WriteLine(IngestLine.Describe(stored, location));
                }

                onProgress?.Invoke(location);
            }

            if (paths.Length == 0)
            {
                return;
            }

            await foreach (var result in reader.ReadAsync(paths, cancellationToken))
            {
                if (!result.IsSuccess)
                {
                    counts.Failed++;
                    CliOutput.Problem(result.Location, result.Error!);
                    continue;
                }

                ProcessResult processed;
                try
                {
                    processed = await processor.ProcessAsync(result.Piece!, cancellationToken: cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One piece that cannot be scored or stored is reported; the rest of the batch goes on.
                    counts.Failed++;
                    CliOutput.Problem(result.Location, $"could not be stored: {ex.Message}");
                    continue;
                }

                counts.Stored += processed.IsNew ? 1 : 0;
                counts.Duplicates += processed.IsNew ? 0 : 1;
                if (json)
                {
                    CliOutput.WriteJsonLine(IngestLine.From(processed, result.Location));
                }
                else
                {
                    Console.Out.WriteLine(IngestLine.Describe(processed, result.Location));
                }

                onProgress?.Invoke(result.Location);
            }
        }

        if (CliOutput.ShowProgress)
        {
            await CliOutput.Error.Status().StartAsync("Ingesting…", async context =>
                await RunBatchAsync(location => context.Status($"Ingesting… {counts.Stored + counts.Duplicates} read, {counts.Failed} failed — {Markup.Escape(location)}")));
        }
        else
        {
            await RunBatchAsync(null);
        }

        CliOutput.Info($"{counts.Stored} stored, {counts.Duplicates} already stored, {counts.Failed} failed.");
        return counts.Failed > 0 ? CliApp.Failure : CliApp.Ok;
    }

    /// <summary>A URL with another scheme (ftp://, file://…), which would otherwise be read as a missing file.</summary>
    private static bool IsOtherUrl(string path) =>
        !IsUrl(path) && path.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(path, UriKind.Absolute, out _);

    private static bool IsUrl(string path) =>
        (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(path, UriKind.Absolute, out _);

    private sealed class IngestCounts
    {
        public int Stored { get; set; }
        public int Duplicates { get; set; }
        public int Failed { get; set; }
    }
}
