using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion.Dedupe;

namespace StanceBoard.Dashboard.Sources;

/// <summary>
/// Adds the configured default sources (<c>Ingestion:Sources</c>) to the store, each URL once:
/// the store remembers which it has seeded, so a source an admin deleted is not added back.
/// </summary>
internal sealed class DefaultSourceSeeder(ISourceStore sources, IStanceStore store, IConfiguration configuration, IOptions<PollingOptions> options, ILogger<DefaultSourceSeeder> logger)
{
    public const string Section = "Ingestion:Sources";
    private const string SeededSetting = "ingestion.seeded_source_urls";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDefaultSources)
        {
            return;
        }

        var defaults = configuration.GetSection(Section).Get<List<DefaultSource>>() ?? [];
        var seeded = JsonSerializer.Deserialize<List<string>>(await store.GetSettingAsync(SeededSetting, cancellationToken) ?? "[]") ?? [];
        var added = 0;
        foreach (var entry in defaults)
        {
            var url = UrlCanonicalizer.Normalize(entry.Url);
            if (url is null)
            {
                logger.LogWarning("Ingestion:Sources entry {Name} has no valid http(s) URL ({Url}); skipped", entry.Name, entry.Url);
                continue;
            }

            if (seeded.Contains(url, StringComparer.Ordinal))
            {
                continue;
            }

            var interval = TimeSpan.FromMinutes(Math.Clamp(entry.PollMinutes, 1, 1440));
            if (await sources.AddSourceAsync(new NewSource(entry.Url.Trim(), entry.Name, entry.Kind, entry.Outlet, interval, entry.Enabled, "config"), cancellationToken) is not null)
            {
                added++;
            }

            seeded.Add(url);
        }

        if (added > 0)
        {
            logger.LogInformation("Added {Count} default source(s) from configuration", added);
        }

        await store.SetSettingAsync(SeededSetting, JsonSerializer.Serialize(seeded), cancellationToken);
    }
}
