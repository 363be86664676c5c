using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Apis;

public sealed class HealthApiTests(StanceBoardFactory factory) : IClassFixture<StanceBoardFactory>
{
    [Fact]
    public async Task Health_FreshStore_IsHealthyWithSchemaAndTargets()
    {
        var response = await factory.CreateClient().GetAsync("/api/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("healthy");
        body.GetProperty("store").GetProperty("schemaVersion").GetInt32().ShouldBeGreaterThan(0);
        body.GetProperty("targets").EnumerateArray().Select(t => t.GetString()).ShouldBe(["Azerbaijan", "Russia", "Turkey"], ignoreOrder: true);
    }

    [Fact]
    public async Task Health_StoreThatNoLongerOpens_Is503NamingTheStore()
    {
        using var app = new StanceBoardFactory();
        (await app.CreateClient().GetAsync("/api/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The database file is replaced by something that is not a database while the app runs.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(app.DatabasePath + suffix);
        }

        await File.WriteAllTextAsync(app.DatabasePath, "not a database any more");
        var response = await app.CreateClient().GetAsync("/api/health");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("unhealthy");
        body.GetProperty("store").GetProperty("ok").GetBoolean().ShouldBeFalse();
        body.GetProperty("store").GetProperty("error").GetString().ShouldNotBeNullOrWhiteSpace();
        body.GetProperty("targets").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Health_RunsOnTheHealthCheckService()
    {
        var report = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Status.ShouldBe(HealthStatus.Healthy);
        report.Entries.Keys.ShouldContain("store");
    }

    [Fact]
    public async Task OpenApi_Document_DescribesThePiecesEndpoint()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        document.GetProperty("paths").TryGetProperty("/api/pieces", out _).ShouldBeTrue();
        document.GetProperty("paths").TryGetProperty("/api/health", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Page_Root_ServesTheDashboardAndTheNpmSignalRClient()
    {
        var client = factory.CreateClient();

        (await client.GetStringAsync("/")).ShouldContain("/lib/signalr/signalr.min.js");
        (await client.GetAsync("/lib/signalr/signalr.min.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
