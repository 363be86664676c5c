using System.CommandLine;
using System.Globalization;
using StanceBoard.Dashboard.Apis;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Cli;

/// <summary><c>sources add|list|show|remove</c>: the web sources the dashboard polls.</summary>
internal static class SourcesCommand
{
    public static Command Create()
    {
        var command = new Command("sources", """
            Manage the feeds, sitemaps and article URLs the dashboard polls (when 'serve' runs).
            The kind (RSS, Atom, JSON Feed, sitemap, article) is detected from the response.

            Examples:
              stanceboard sources add https://example.org/feed/ --name "Example analysis" --interval 60
              stanceboard sources list --json
              stanceboard sources show 3
              stanceboard sources remove 3
            """);
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Remove());
        return command;
    }

    private static Command Add()
    {
        var url = new Argument<string>("url") { Description = "The feed, sitemap or article URL (http or https)." };
        var name = new Option<string?>("--name") { Description = "A display name (default: the host name)." };
        var kind = new Option<string?>("--kind") { Description = "auto (default), rss, atom, jsonfeed, sitemap, sitemapindex or article." };
        var outlet = new Option<string?>("--outlet") { Description = "The outlet its pieces belong to when pages do not say." };
        var interval = CliOptions.WholeNumber("--interval", 1, 1440);
        interval.Description = "Poll interval in minutes (1–1440, default 30).";
        interval.HelpName = "MINUTES";
        var disabled = new Option<bool>("--disabled") { Description = "Add it paused." };
        var db = CliOptions.Database();
        var json = CliOptions.Json();
        var command = new Command("add", "Add a source; prints it.") { url, name, kind, outlet, interval, disabled, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var input = new SourceInput(parse.GetValue(url), parse.GetValue(name), parse.GetValue(kind), parse.GetValue(outlet), parse.GetValue(interval), !parse.GetValue(disabled));
            var (source, errors) = SourceInputValidator.ValidateNew(input);
            if (source is null)
            {
                foreach (var (field, messages) in errors)
                {
                    CliOutput.Info($"error: {field}: {string.Join(" ", messages)}");
                }

                return CliApp.Usage;
            }

            using var host = await CliHost.StartAsync(parse.GetValue(db), verbose: false, ct);
            var sources = host.Services.GetRequiredService<ISourceStore>();
            var created = await sources.AddSourceAsync(source, ct);
            if (created is null)
            {
                var existing = await sources.FindSourceByUrlAsync(source.Url, ct);
                CliOutput.Info($"error: a source with url {source.Url} already exists (id {existing?.Id}).");
                return CliApp.Failure;
            }

            Print(SourceDto.From(created), parse.GetValue(json));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var db = CliOptions.Database();
        var json = CliOptions.Json();
        var command = new Command("list", "List sources with their health.") { db, json };
        command.SetAction(async (parse, ct) =>
        {
            using var host = await CliHost.StartAsync(parse.GetValue(db), verbose: false, ct);
            var all = await host.Services.GetRequiredService<ISourceStore>().ListSourcesAsync(ct);
            foreach (var source in all)
            {
                Print(SourceDto.From(source), parse.GetValue(json));
            }

            if (all.Count == 0)
            {
                CliOutput.Info("No sources. Add one with: stanceboard sources add <url>");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("id")
        {
            Description = "The source id (a number; `sources list` shows them).",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                result.AddError($"id: '{text}' is not a source id; `sources list` shows them.");
                return 0;
            },
        };
        var lines = new Option<int>("--lines") { Description = "Fetch-log lines to show (default 20).", DefaultValueFactory = _ => 20 };
        var db = CliOptions.Database();
        var command = new Command("show", "Print a source with its latest fetch-log lines as JSON.") { id, lines, db };
        command.SetAction(async (parse, ct) =>
        {
            using var host = await CliHost.StartAsync(parse.GetValue(db), verbose: false, ct);
            var sources = host.Services.GetRequiredService<ISourceStore>();
            var source = await sources.GetSourceAsync(parse.GetValue(id), ct);
            if (source is null)
            {
                CliOutput.Info($"error: there is no source {parse.GetValue(id)}.");
                return CliApp.Failure;
            }

            var log = await sources.ListFetchLogAsync(source.Id, Math.Clamp(parse.GetValue(lines), 1, 1000), ct);
            CliOutput.WriteJsonLine(new SourceDetailDto(SourceDto.From(source), [.. log.Select(FetchLogDto.From)]));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Remove()
    {
        var target = new Argument<string>("source") { Description = "The source id or URL." };
        var db = CliOptions.Database();
        var command = new Command("remove", "Delete a source and its fetch log; its pieces stay.") { target, db };
        command.SetAction(async (parse, ct) =>
        {
            using var host = await CliHost.StartAsync(parse.GetValue(db), verbose: false, ct);
            var sources = host.Services.GetRequiredService<ISourceStore>();
            var value = parse.GetValue(target)!;
            var source = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await sources.GetSourceAsync(id, ct)
                : await sources.FindSourceByUrlAsync(value.Trim(), ct);
            if (source is null || !await sources.DeleteSourceAsync(source.Id, ct))
            {
                CliOutput.Info($"error: there is no source '{value}'.");
                return CliApp.Failure;
            }

            CliOutput.Info($"Removed source {source.Id} ({source.Url}).");
            return CliApp.Ok;
        });
        return command;
    }

    private static void Print(SourceDto source, bool json)
    {
        if (json)
        {
            CliOutput.WriteJsonLine(source);
            return;
        }

        var state = !source.Enabled ? "paused" : source.Health.ConsecutiveFailures > 0 ? $"failing ×{source.Health.ConsecutiveFailures}" : "ok";
        var last = source.Health.LastSuccess?.ToString("u", CultureInfo.InvariantCulture) ?? "never";
        Console.Out.WriteLine($"#{source.Id} [{state}] {source.Name} — {source.Url} ({source.Kind}, every {source.PollIntervalMinutes} min, last success {last})"
            + (source.Health.LastError is { } e ? $" — last error: {e}" : string.Empty));
    }
}
