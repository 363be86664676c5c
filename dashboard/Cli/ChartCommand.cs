using System.CommandLine;
using StanceBoard.Dashboard.Apis;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Export;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Cli;

/// <summary>
/// <c>chart &lt;name&gt; --format svg|png|pdf|csv [--width PX] [--height PX] [--dpi N] [--preset P]
/// [--grey] [--out FILE] [--db PATH] [filters]</c>: the same charts as <c>/api/charts</c>, to a file.
/// </summary>
internal static class ChartCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The chart: " + string.Join(", ", ChartNames.All) + "." };
        var format = new Option<string>("--format", "-f") { Description = "svg, png, pdf or csv.", HelpName = "FORMAT", DefaultValueFactory = _ => "svg" };
        var output = new Option<string>("--out", "-o") { Description = "The file to write; '-' writes the bytes to stdout. Default: the chart's file name in the working directory.", HelpName = "FILE" };
        var db = CliOptions.Database();
        var text = new Dictionary<string, Option<string>>(StringComparer.Ordinal)
        {
            ["width"] = new("--width") { Description = "Width in pixels (100–8000; at most 40 Mpx in all).", HelpName = "PX" },
            ["height"] = new("--height") { Description = "Height in pixels (100–8000).", HelpName = "PX" },
            ["dpi"] = new("--dpi") { Description = "Resolution (50–1200), written into the PNG; the PDF is width/dpi inches wide.", HelpName = "N" },
            ["preset"] = new("--preset") { Description = "screen, print-single (3.5 in), print-double (7 in) or slide (16:9).", HelpName = "P" },
            ["from"] = new("--from") { Description = "First day included (UTC), e.g. 2020-09-01.", HelpName = "DATE" },
            ["to"] = new("--to") { Description = "Last day included (UTC).", HelpName = "DATE" },
            ["authors"] = new("--authors") { Description = "Comma-separated authors to include.", HelpName = "NAMES" },
            ["outlets"] = new("--outlets") { Description = "Comma-separated outlets to include.", HelpName = "NAMES" },
            ["targets"] = new("--targets") { Description = "Comma-separated targets to include (and their order).", HelpName = "NAMES" },
            ["bin"] = new("--bin") { Description = "Time bin of stance-timeline: day, week (ISO) or month. Default: from the range.", HelpName = "BIN" },
            ["title"] = new("--title") { Description = "Replace the title." },
            ["subtitle"] = new("--subtitle") { Description = "Replace the subtitle." },
            ["caption"] = new("--caption") { Description = "Replace the caption." },
            ["source"] = new("--source") { Description = "The source note in the footer." },
        };
        var grey = new Option<bool>("--grey") { Description = "Greyscale palette that keeps stance readable without colour." };
        var command = new Command("chart", """
            Render a chart from the stored scores to SVG, PNG, PDF or CSV. PNG has exactly the
            requested pixels with the DPI in the file; PDF is vector at width/dpi inches. Prints one
            JSON object (file, bytes, content type, ETag) on stdout; exit code 2 for bad parameters,
            1 when rendering fails.

            Examples:
              stanceboard chart stance-timeline --format png --preset print-single --out timeline.png
              stanceboard chart author-heatmap --format pdf --width 2100 --height 1400 --dpi 300 --targets Turkey,Azerbaijan
              stanceboard chart stance-distribution --format csv --from 2020-09-27 --to 2020-11-10 --out - > counts.csv
              stanceboard chart author-positions --format svg --targets Russia --grey --db data/stanceboard.db
            """)
        {
            name, format, output, db, grey,
        };
        foreach (var option in text.Values)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(name)!,
            parse.GetValue(format)!,
            parse.GetValue(output),
            parse.GetValue(db),
            key => key == "grey" ? (parse.GetValue(grey) ? "true" : null) : text.TryGetValue(key, out var option) ? parse.GetValue(option) : null,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string name, string formatText, string? output, string? database, Func<string, string?> value, CancellationToken cancellationToken)
    {
        if (!ChartNames.IsKnown(name))
        {
            CliOutput.Problem("name", $"There is no chart '{name}'. Charts: {string.Join(", ", ChartNames.All)}.");
            return CliApp.Usage;
        }

        if (!ChartService.TryParseFormat(formatText, out var format))
        {
            CliOutput.Problem("--format", $"'{formatText}' is not a format; use svg, png, pdf or csv.");
            return CliApp.Usage;
        }

        var (request, errors) = ChartQuery.Parse(value);
        if (request is null)
        {
            foreach (var (parameter, messages) in errors)
            {
                CliOutput.Problem("--" + parameter, string.Join(" ", messages));
            }

            return CliApp.Usage;
        }

        using var host = await CliHost.StartAsync(database, verbose: false, cancellationToken);
        var store = host.Services.GetRequiredService<IStanceStore>();
        var observations = await store.ListObservationsAsync(request.Filter, ChartsApi.MaxObservations, cancellationToken);
        if (observations.Count > ChartsApi.MaxObservations)
        {
            CliOutput.Problem("filters", $"More than {ChartsApi.MaxObservations:N0} scores match; narrow the chart with --from, --to, --targets, --authors or --outlets.");
            return CliApp.Failure;
        }

        ChartFile file;
        try
        {
            file = ChartService.Render(name, format, observations, request);
        }
        catch (ChartParameterException e)
        {
            CliOutput.Problem("--" + e.Parameter, e.Message);
            return CliApp.Usage;
        }
        catch (ChartExportException e)
        {
            CliOutput.Problem(name, e.Message);
            return CliApp.Failure;
        }

        if (output == "-")
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(file.Content, cancellationToken);
            return CliApp.Ok;
        }

        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(output) ? file.FileName : output);
        try
        {
            await File.WriteAllBytesAsync(path, file.Content, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CliOutput.Problem(path, e.Message);
            return CliApp.Failure;
        }

        CliOutput.WriteJsonLine(new ChartWritten(name, format.ToString().ToLowerInvariant(), path, file.Content.Length, file.ContentType, file.ETag, observations.Count));
        CliOutput.Info($"Wrote {name} ({file.ContentType}, {file.Content.Length:N0} bytes) to {path}");
        return CliApp.Ok;
    }
}

/// <summary>What <c>chart</c> prints on stdout.</summary>
internal sealed record ChartWritten(string Chart, string Format, string File, int Bytes, string ContentType, [property: System.Text.Json.Serialization.JsonPropertyName("etag")] string ETag, int Observations);
