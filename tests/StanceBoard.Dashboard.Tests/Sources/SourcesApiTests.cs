using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Sources;

public sealed class SourcesApiTests(IngestionFactory factory) : IClassFixture<IngestionFactory>
{
    private HttpClient CreateClient(string? key = StanceBoardFactory.AdminKey)
    {
        var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    private static string UniqueUrl() => $"https://feeds.example/{Guid.NewGuid():N}/rss";

    [Fact]
    public async Task Post_WithoutKeyOrAsAnnotator_IsRefused()
    {
        (await CreateClient(null).PostAsJsonAsync("/api/sources", new { url = UniqueUrl() })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await CreateClient(StanceBoardFactory.AnnotatorKey).PostAsJsonAsync("/api/sources", new { url = UniqueUrl() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_ValidSource_Is201AndListedWithHealth()
    {
        var url = UniqueUrl();

        var response = await CreateClient().PostAsJsonAsync("/api/sources", new { url, name = "Feeds Example", kind = "rss", pollIntervalMinutes = 45, outlet = "Example" });
        var list = await CreateClient(null).GetFromJsonAsync<JsonElement>("/api/sources");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        created.GetProperty("kind").GetString().ShouldBe("rss");
        created.GetProperty("pollIntervalMinutes").GetInt32().ShouldBe(45);
        created.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        created.GetProperty("health").GetProperty("circuitState").GetString().ShouldBe("closed");
        response.Headers.Location!.ToString().ShouldBe($"/api/sources/{created.GetProperty("id").GetInt64()}");
        list.EnumerateArray().ShouldContain(s => s.GetProperty("url").GetString() == url);
    }

    [Fact]
    public async Task Post_SameUrlTwice_Is409NamingTheExistingSource()
    {
        var url = UniqueUrl();
        var first = await (await CreateClient().PostAsJsonAsync("/api/sources", new { url })).Content.ReadFromJsonAsync<JsonElement>();

        var second = await CreateClient().PostAsJsonAsync("/api/sources", new { url });

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("existingId").GetInt64().ShouldBe(first.GetProperty("id").GetInt64());
        problem.GetProperty("field").GetString().ShouldBe("url");
    }

    [Theory]
    [InlineData("{\"url\":\"ftp://x.example/feed\"}", "url")]
    [InlineData("{\"url\":\"not a url\"}", "url")]
    [InlineData("{}", "url")]
    [InlineData("{\"url\":\"https://x.example/f\",\"kind\":\"podcast\"}", "kind")]
    [InlineData("{\"url\":\"https://x.example/f\",\"pollIntervalMinutes\":0}", "pollIntervalMinutes")]
    public async Task Post_BadField_Is400NamingTheField(string body, string field)
    {
        var response = await CreateClient().PostAsync("/api/sources", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task PatchAndDelete_PauseThenRemove()
    {
        var created = await (await CreateClient().PostAsJsonAsync("/api/sources", new { url = UniqueUrl() })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();

        var patched = await CreateClient().PatchAsJsonAsync($"/api/sources/{id}", new { enabled = false, name = "Renamed" });
        var badPatch = await CreateClient().PatchAsJsonAsync($"/api/sources/{id}", new { url = "https://other.example/" });
        var deleted = await CreateClient().DeleteAsync($"/api/sources/{id}");
        var gone = await CreateClient(null).GetAsync($"/api/sources/{id}");

        patched.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await patched.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        body.GetProperty("name").GetString().ShouldBe("Renamed");
        badPatch.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CreateClient().DeleteAsync($"/api/sources/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_SourceWithCredentialsInItsUrl_ShowsNoPasswordToViewers()
    {
        var url = $"https://reader:s3cret-pw@feeds.example/{Guid.NewGuid():N}/rss";
        var created = await (await CreateClient().PostAsJsonAsync("/api/sources", new { url })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();

        var list = await CreateClient(null).GetStringAsync("/api/sources");
        var detail = await CreateClient(null).GetStringAsync($"/api/sources/{id}");

        foreach (var body in new[] { list, detail, created.ToString() })
        {
            body.ShouldNotContain("s3cret-pw");
            body.ShouldNotContain("reader:");
        }

        detail.ShouldContain("https://***@feeds.example/");
    }

    [Theory]
    [InlineData("GET https://u:p@host.example/feed failed", "GET https://***@host.example/feed failed")]
    [InlineData("http://token@host.example/x and HTTPS://a:b@c.example", "http://***@host.example/x and HTTPS://***@c.example")]
    [InlineData("https://host.example/a@b", "https://host.example/a@b")]
    public void Redact_UserInfo_IsHidden(string text, string expected) => StanceBoard.Dashboard.Apis.UrlRedaction.Redact(text).ShouldBe(expected);

    [Fact]
    public async Task OpenApi_DescribesTheSourcesEndpoints()
    {
        var document = await CreateClient(null).GetStringAsync("/openapi/v1.json");

        document.ShouldContain("/api/sources/{id}/poll");
        document.ShouldContain("/api/sources/{id}");
    }
}
