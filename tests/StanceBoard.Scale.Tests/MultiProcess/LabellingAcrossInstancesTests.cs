using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StanceBoard.Scale.Tests.MultiProcess;

/// <summary>
/// Labelling on PostgreSQL with two real <c>serve</c> instances: an account made on one signs in
/// on the other, and the labels it saves there are the history the first instance reads.
/// </summary>
public sealed class LabellingAcrossInstancesTests : ProcessesOnOneDatabase
{

    [Fact]
    public async Task SaveLabels_SignedInOnInstanceB_AreTheHistoryInstanceAReads()
    {
        var settings = BoardProcess.Settings(Database);
        var a = Track(BoardProcess.Serve(settings));
        await a.WaitStartedAsync(StartTimeout);
        var b = Track(BoardProcess.Serve(settings));
        await b.WaitStartedAsync(StartTimeout);
        using var admin = a.CreateClient();
        var created = await admin.PostAsJsonAsync("/api/users", new { name = "Annie", role = "annotator", password = "a long enough password" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var posted = await admin.PostAsJsonAsync("/api/pieces", new
        {
            title = "Labelled across instances",
            text = "Moscow brokered the truce while Ankara objected, and the Kremlin stayed quiet about the talks that followed.",
            authors = new[] { "Jane Roe" },
            outlet = "Scale Review",
            published = "2020-10-14",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var pieceId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = b.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

        var signIn = await SendAsync(browser, "/api/account/signin", new { name = "annie", password = "a long enough password" });
        var save = await SendAsync(browser, "/api/labels", new { pieceId, origin = "piece", labels = new[] { new { target = "Russia", stance = "against", note = "from B" } } });
        var change = await SendAsync(browser, "/api/labels", new { pieceId, origin = "piece", labels = new[] { new { target = "Russia", stance = "none", note = "from B" } } });

        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signIn.Content.ReadAsStringAsync());
        save.StatusCode.ShouldBe(HttpStatusCode.OK, await save.Content.ReadAsStringAsync());
        change.StatusCode.ShouldBe(HttpStatusCode.OK, await change.Content.ReadAsStringAsync());
        var history = await admin.GetFromJsonAsync<JsonElement[]>($"/api/labels/pieces/{pieceId}/history");
        history!.Select(l => (l.GetProperty("annotator").GetString(), l.GetProperty("stance").GetString(), l.GetProperty("isCurrent").GetBoolean()))
            .ShouldBe([("Annie", "against", false), ("Annie", "none", true)]);
        var stats = await admin.GetFromJsonAsync<JsonElement>("/api/labels/stats");
        stats.GetProperty("labels").GetInt64().ShouldBe(1);
    }


    /// <summary>A POST as the page sends it: the session cookie and the antiforgery token of the moment.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, string url, object body)
    {
        var session = await browser.GetFromJsonAsync<JsonElement>("/api/account/session");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", session.GetProperty("antiforgery").GetString());
        return await browser.SendAsync(request);
    }
}
