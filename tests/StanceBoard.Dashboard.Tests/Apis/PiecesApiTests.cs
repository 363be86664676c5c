using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Apis;

public sealed class PiecesApiTests(StanceBoardFactory factory) : IClassFixture<StanceBoardFactory>
{
    private const string Text = """
        Moscow brokered the ceasefire, and the Kremlin expects credit for it.
        Ankara, meanwhile, kept supplying drones. Nobody in Paris commented.
        """;

    private HttpClient CreateClient(string? key = StanceBoardFactory.AdminKey)
    {
        var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string UniqueText() => Text + " " + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Post_WithoutKey_Is401WithAMessageNamingTheHeader()
    {
        var response = await CreateClient(key: null).PostAsJsonAsync("/api/pieces", new { title = "t", text = UniqueText() });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldContain("X-Api-Key");
    }

    [Fact]
    public async Task Post_WithUnknownKey_Is401()
    {
        var response = await CreateClient("not-a-key").PostAsJsonAsync("/api/pieces", new { title = "t", text = UniqueText() });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldContain("not valid");
    }

    [Fact]
    public async Task Post_ValidPiece_Is201WithMentionedTargetsOnly()
    {
        var response = await CreateClient(StanceBoardFactory.AnnotatorKey).PostAsJsonAsync("/api/pieces", new
        {
            title = "Ceasefire <script>alert(1)</script>",
            text = UniqueText(),
            authors = new[] { "Dr Jane Roe (@jroe)" },
            outlet = "Example Review",
            url = "https://example.org/" + Guid.NewGuid().ToString("N"),
            published = "2020-10-12",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldStartWith("/api/pieces/");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        root.GetProperty("title").GetString().ShouldBe("Ceasefire <script>alert(1)</script>");
        root.GetProperty("authors")[0].GetString().ShouldBe("Jane Roe");
        root.GetProperty("published").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2020, 10, 12, 0, 0, 0, TimeSpan.Zero));
        var targets = root.GetProperty("targets");
        targets.GetProperty("Russia").GetProperty("mentions").GetInt32().ShouldBe(2);
        targets.GetProperty("Turkey").GetProperty("mentions").GetInt32().ShouldBe(1);
        targets.TryGetProperty("Azerbaijan", out _).ShouldBeFalse();
        targets.GetProperty("Russia").TryGetProperty("stance", out _).ShouldBeTrue();
        targets.GetProperty("Russia").GetProperty("evidence")[0].GetString()!.ShouldContain("Moscow");
    }

    [Fact]
    public async Task Post_SamePieceTwice_Is200WithTheFirstId()
    {
        var client = CreateClient();
        var text = UniqueText();

        var first = await client.PostAsJsonAsync("/api/pieces", new { title = "t", text });
        var second = await client.PostAsJsonAsync("/api/pieces", new { title = "t again", text });

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64()
            .ShouldBe((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Post_MalformedJson_Is400NamingTheProblem()
    {
        var response = await CreateClient().PostAsync("/api/pieces", Json("{\"title\": \"x\", \"text\": "));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("not a valid piece object");
    }

    [Fact]
    public async Task Post_InvalidFields_Is400WithEachFieldNamed()
    {
        var response = await CreateClient().PostAsync("/api/pieces", Json("""{"title":"","text":"   ","url":"ftp://x","published":"last week","authors":[""]}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["authors[0]", "published", "text", "title", "url"]);
    }

    [Fact]
    public async Task Post_OverTheSizeLimit_Is413()
    {
        var huge = JsonSerializer.Serialize(new { title = "t", text = new string('x', 3 * 1024 * 1024) });

        var response = await CreateClient().PostAsync("/api/pieces", Json(huge));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_NotJson_Is415()
    {
        var response = await CreateClient().PostAsync("/api/pieces", new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Get_StoredPiece_HasTextAndMentionOffsets()
    {
        var text = UniqueText();
        var created = await (await CreateClient().PostAsJsonAsync("/api/pieces", new { title = "t", text })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();

        var detail = await CreateClient(key: null).GetFromJsonAsync<JsonElement>($"/api/pieces/{id}");

        var storedText = detail.GetProperty("text").GetString()!;
        var first = detail.GetProperty("mentions").GetProperty("Russia")[0];
        storedText.Substring(first[0].GetInt32(), first[1].GetInt32()).ShouldBe("Moscow");
        (await CreateClient(key: null).GetAsync("/api/pieces/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_BadQuery_Is400NamingTheParameter()
    {
        var response = await CreateClient(key: null).GetAsync("/api/pieces?from=notadate&limit=0");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("from", out _).ShouldBeTrue();
        errors.TryGetProperty("limit", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("limit=abc", "limit", "'abc' is not a whole number from 1 to 500.")]
    [InlineData("limit=501", "limit", "'501' is not a whole number from 1 to 500.")]
    [InlineData("before=soon", "before", "'soon' is not a whole number")]
    [InlineData("to=9999-12-31T23:59:59Z", "to", "'9999-12-31T23:59:59Z' is outside the dates the store holds")]
    [InlineData("from=0001-01-01T00:00:00Z", "from", "'0001-01-01T00:00:00Z' is outside the dates the store holds")]
    public async Task List_UnparsableNumber_Is400SayingWhatIsWrong(string query, string parameter, string message)
    {
        var response = await CreateClient(key: null).GetAsync("/api/pieces?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty(parameter)[0].GetString()!.ShouldStartWith(message);
    }

    [Theory]
    [InlineData("Jane ' Doe", "Jane Doe")]
    [InlineData("\u2018 Smith", "Smith")]
    public async Task Post_BylineWithStrayQuotes_IsStoredWithTheName(string author, string stored)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/pieces", new { title = "Quotes", text = UniqueText(), authors = new[] { author, "Ann Lee" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authors").EnumerateArray().Select(a => a.GetString()).ShouldBe([stored, "Ann Lee"]);
    }

    [Theory]
    [InlineData("'")]
    [InlineData("\"\"")]
    [InlineData("\u201c \u201d")]
    public async Task Post_QuoteOnlyByline_Is400NamingTheAuthor(string author)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/pieces", new { title = "Quotes", text = UniqueText(), authors = new[] { "Ann Lee", author } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("authors[1]")[0].GetString().ShouldBe("An author name must contain a letter.");
    }
}
