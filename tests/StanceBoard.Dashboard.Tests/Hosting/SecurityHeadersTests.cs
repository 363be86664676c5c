using System.Net.Http.Json;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Hosting;

/// <summary>CSP, nosniff and framing rules on pages, static files, the API and error responses.</summary>
public sealed class SecurityHeadersTests(StanceBoardFactory factory) : IClassFixture<StanceBoardFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/authors/Jane%20Roe")]
    [InlineData("/app.css")]
    [InlineData("/js/main.js")]
    public async Task Get_PageOrAsset_HasThePagePolicy(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldNotContain("'unsafe-eval'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/charts/stance-timeline.svg")]
    [InlineData("/api/charts/stance-timeline.svg?width=abc")]
    [InlineData("/api/pieces/999999")]
    [InlineData("/openapi/v1.json")]
    public async Task Get_Api_HasAPolicyThatRunsNothing(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'none'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("sandbox");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Fact]
    public async Task Post_Unauthorized_StillHasTheHeaders()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/pieces", new { title = "t", text = "x" });

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }
}
