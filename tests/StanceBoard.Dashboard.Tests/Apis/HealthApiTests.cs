using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
