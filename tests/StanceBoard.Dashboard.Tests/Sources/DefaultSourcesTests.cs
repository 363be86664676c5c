using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using StanceBoard.Dashboard.Sources;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Sources;

public sealed class DefaultSourcesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-defaults-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Start_SeedsTheConfiguredOutletsDisabledAndADeletedOneStaysDeleted()
    {
        JsonElement[] seeded;
        using (var first = IngestionFactory.WithDefaults(_folder))
        {
            seeded = await WaitForSourcesAsync(first.CreateClient());
            var client = first.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", StanceBoardFactory.AdminKey);
            (await client.DeleteAsync($"/api/sources/{seeded[0].GetProperty("id").GetInt64()}")).EnsureSuccessStatusCode();
        }

        using var second = IngestionFactory.WithDefaults(_folder);
        await WaitForSourcesAsync(second.CreateClient());
        // The seeder runs at start in the background; running it once more here and waiting for it
        // leaves no seeding pending, with no guess at how long it takes.
        await second.Services.GetRequiredService<DefaultSourceSeeder>().SeedAsync(CancellationToken.None);
        var after = await second.CreateClient().GetFromJsonAsync<JsonElement[]>("/api/sources");

        seeded.Length.ShouldBeGreaterThanOrEqualTo(10);
        seeded.ShouldAllBe(s => !s.GetProperty("enabled").GetBoolean() && s.GetProperty("origin").GetString() == "config");
        seeded.ShouldContain(s => s.GetProperty("url").GetString() == "https://oc-media.org/feed/");
        after!.Length.ShouldBe(seeded.Length - 1);
        after.ShouldNotContain(s => s.GetProperty("url").GetString() == seeded[0].GetProperty("url").GetString());
    }

    private static async Task<JsonElement[]> WaitForSourcesAsync(HttpClient client)
    {
        for (var i = 0; i < 100; i++)
        {
            var sources = await client.GetFromJsonAsync<JsonElement[]>("/api/sources");
            if (sources is { Length: > 0 })
            {
                return sources;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No sources were seeded.");
    }
}
