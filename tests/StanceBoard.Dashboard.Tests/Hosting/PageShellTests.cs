using System.Net;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Hosting;

/// <summary>Page routes served as the page shell on reload (shared links), next to the real static files.</summary>
public sealed class PageShellTests(StanceBoardFactory factory) : IClassFixture<StanceBoardFactory>
{
    [Theory]
    [InlineData("/authors/J.%20Smith")]
    [InlineData("/outlets/Eurasianet.org")]
    [InlineData("/authors/Jane%20Roe")]
    [InlineData("/outlets/foreignpolicy.com")]
    [InlineData("/pieces/12")]
    [InlineData("/sources")]
    [InlineData("/")]
    public async Task Get_PageRoute_ServesTheShell(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("<main id=\"view\"");
    }

    [Theory]
    [InlineData("/app.css", "text/css")]
    [InlineData("/js/main.js", "text/javascript")]
    public async Task Get_StaticFile_IsTheFile(string path, string mediaType)
    {
        var response = await factory.CreateClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
    }

    [Theory]
    [InlineData("/js/missing.js")]
    [InlineData("/api/nothing-here")]
    public async Task Get_MissingFileOrApi_Is404(string path)
    {
        (await factory.CreateClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
