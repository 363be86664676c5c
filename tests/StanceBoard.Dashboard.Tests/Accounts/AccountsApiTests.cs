using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using StanceBoard.Dashboard.Tests.Labelling;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Accounts;

/// <summary>Sign-in, sessions, antiforgery and roles through the HTTP API, as the page uses them.</summary>
public sealed class AccountsApiTests : IDisposable
{
    private const string AdminPassword = "admin secret passphrase";
    private const string AnnotatorPassword = "annotator secret 42";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly LabellingFactory _factory;

    public AccountsApiTests()
    {
        _factory = new LabellingFactory(
            new Dictionary<string, string?> { ["Accounts:SessionIdleTimeout"] = "00:30:00", ["Accounts:MaxFailedAttempts"] = "3" },
            _time);
        _factory.CreateAccountAsync("chief", "admin", AdminPassword).GetAwaiter().GetResult();
        _factory.CreateAccountAsync("anna", "annotator", AnnotatorPassword).GetAwaiter().GetResult();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task SignIn_RightPassword_SetsAnHttpOnlyStrictSessionCookieAndTheSessionSaysWho()
    {
        using var client = _factory.Session();

        var response = await client.SignInAsync("anna", AnnotatorPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("stanceboard.session=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");
        var session = await client.RefreshAsync();
        session.GetProperty("signedIn").GetBoolean().ShouldBeTrue();
        session.GetProperty("name").GetString().ShouldBe("anna");
        session.GetProperty("role").GetString().ShouldBe("annotator");
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownName_401WithTheSameMessage()
    {
        using var client = _factory.Session();

        var wrong = await client.SignInAsync("anna", "not the password");
        var unknown = await client.SignInAsync("nobody", "not the password");

        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Detail(wrong)).ShouldBe(await Detail(unknown));
        (wrong.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("stanceboard.session=", StringComparison.Ordinal))).ShouldBeFalse();
        (await client.RefreshAsync()).GetProperty("signedIn").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task SignIn_RepeatedWrongPasswords_LocksTheAccountUntilTheLockoutEnds()
    {
        using var client = _factory.Session();
        for (var i = 0; i < 2; i++)
        {
            (await client.SignInAsync("anna", "wrong " + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await client.SignInAsync("anna", "wrong again")).StatusCode.ShouldBe((HttpStatusCode)423);
        var locked = await client.SignInAsync("anna", AnnotatorPassword);
        locked.StatusCode.ShouldBe((HttpStatusCode)423);
        (await Detail(locked)).ShouldContain("locked");

        _time.Advance(TimeSpan.FromMinutes(16));
        (await client.SignInAsync("anna", AnnotatorPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Session_IdleLongerThanTheTimeout_EndsWith401SessionEnded()
    {
        using var client = _factory.Session();
        (await client.SignInAsync("anna", AnnotatorPassword)).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/labels/skip", new { pieceId = 999 })).StatusCode.ShouldBe(HttpStatusCode.NotFound); // signed in: the piece is what is missing

        _time.Advance(TimeSpan.FromMinutes(31));
        var expired = await client.PostAsync("/api/labels/skip", new { pieceId = 999 });

        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Detail(expired)).ShouldContain("session has ended");
        (await client.RefreshAsync()).GetProperty("signedIn").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Session_AccountDisabledOrPasswordReset_EndsAtTheNextRequest()
    {
        using var anna = _factory.Session();
        (await anna.SignInAsync("anna", AnnotatorPassword)).EnsureSuccessStatusCode();
        using var root = _factory.Session();
        (await root.SignInAsync("chief", AdminPassword)).EnsureSuccessStatusCode();

        (await root.PostAsync("/api/users/anna/password", new { password = "a brand new passphrase" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anna.RefreshAsync()).GetProperty("signedIn").GetBoolean().ShouldBeFalse();

        (await anna.SignInAsync("anna", "a brand new passphrase")).EnsureSuccessStatusCode();
        (await root.PatchAsync("/api/users/anna", new { disabled = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anna.RefreshAsync()).GetProperty("signedIn").GetBoolean().ShouldBeFalse();
        var refused = await anna.SignInAsync("anna", "a brand new passphrase");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Detail(refused)).ShouldContain("disabled");
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_400NamingTheHeader_WithTokenItWorks()
    {
        using var client = _factory.Session();
        (await client.SignInAsync("chief", AdminPassword)).EnsureSuccessStatusCode();

        var forged = await client.SendAsync(HttpMethod.Post, "/api/users", new { name = "mallory", role = "admin", password = "forged passphrase" }, withToken: false);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "mallory" });
        var formPost = await client.Http.PostAsync("/api/account/signout", form);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Detail(forged)).ShouldContain("X-CSRF-TOKEN");
        formPost.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.RefreshAsync()).GetProperty("signedIn").GetBoolean().ShouldBeTrue("a form post without the token signed the user out");
        (await client.PostAsync("/api/users", new { name = "mallory", role = "annotator", password = "honest passphrase" })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = _factory.Session();
        await client.RefreshAsync();

        var response = await client.SendAsync(HttpMethod.Post, "/api/account/signin", new { name = "anna", password = AnnotatorPassword }, withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("POST", "/api/users")]
    [InlineData("PATCH", "/api/users/chief")]
    [InlineData("POST", "/api/users/chief/password")]
    [InlineData("POST", "/api/training")]
    [InlineData("DELETE", "/api/training")]
    [InlineData("POST", "/api/labels/adjudicate")]
    [InlineData("POST", "/api/labels/import")]
    [InlineData("POST", "/api/models/rollback")]
    public async Task AdminEndpoint_AnnotatorSessionOrKey_403(string method, string url)
    {
        using var session = _factory.Session();
        (await session.SignInAsync("anna", AnnotatorPassword)).EnsureSuccessStatusCode();
        using var key = _factory.WithKey(StanceBoardFactory.AnnotatorKey);
        using var anonymous = _factory.CreateClient();

        var bySession = await session.SendAsync(new HttpMethod(method), url, new { password = "whatever passphrase" });
        var byKey = await key.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
        var byNobody = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });

        bySession.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Detail(bySession)).ShouldContain("annotator");
        byKey.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byNobody.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Users_CreateWithBadInput_400NamingTheField_DuplicateName409()
    {
        using var root = _factory.Session();
        (await root.SignInAsync("chief", AdminPassword)).EnsureSuccessStatusCode();

        var markup = await root.PostAsync("/api/users", new { name = "<script>x</script>", role = "annotator", password = "long enough password" });
        var shortPassword = await root.PostAsync("/api/users", new { name = "bob", role = "annotator", password = "short" });
        var badRole = await root.PostAsync("/api/users", new { name = "bob", role = "owner", password = "long enough password" });
        var duplicate = await root.PostAsync("/api/users", new { name = "ANNA", role = "annotator", password = "long enough password" });

        (await Errors(markup)).ShouldContainKey("name");
        (await Errors(shortPassword)).ShouldContainKey("password");
        (await Errors(badRole)).ShouldContainKey("role");
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Users_LastAdmin_CannotBeDisabledOrDemoted()
    {
        using var root = _factory.Session();
        (await root.SignInAsync("chief", AdminPassword)).EnsureSuccessStatusCode();

        (await root.PatchAsync("/api/users/chief", new { disabled = true })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await root.PatchAsync("/api/users/chief", new { role = "annotator" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Passwords_AreNeverLoggedReturnedOrStoredInTheClear()
    {
        const string fresh = "correct horse battery staple";
        using var root = _factory.Session();
        (await root.SignInAsync("chief", AdminPassword)).EnsureSuccessStatusCode();
        var created = await root.PostAsync("/api/users", new { name = "carol", role = "annotator", password = fresh });
        var listed = await root.Http.GetStringAsync("/api/users");
        using var carol = _factory.Session();
        var wrong = await carol.SignInAsync("carol", fresh + "!");
        var right = await carol.SignInAsync("carol", fresh);
        var changed = await carol.PostAsync("/api/account/password", new { current = fresh, password = fresh + " again" });

        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        foreach (var body in new[] { await created.Content.ReadAsStringAsync(), listed, await wrong.Content.ReadAsStringAsync(), await right.Content.ReadAsStringAsync() })
        {
            body.ShouldNotContain(fresh);
            body.ShouldNotContain("passwordHash", Case.Insensitive);
        }

        _factory.Logs.ShouldNotBeEmpty();
        _factory.Logs.ShouldAllBe(line => !line.Contains(fresh) && !line.Contains(AdminPassword) && !line.Contains(AnnotatorPassword));
        foreach (var file in new[] { _factory.DatabasePath, _factory.DatabasePath + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            (await reader.ReadToEndAsync()).ShouldNotContain(fresh);
        }
    }

    private static async Task<string> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

    private static async Task<Dictionary<string, string[]>> Errors(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
