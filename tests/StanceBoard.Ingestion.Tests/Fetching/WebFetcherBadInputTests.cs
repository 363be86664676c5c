using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Tests.TestSupport;

namespace StanceBoard.Ingestion.Tests.Fetching;

/// <summary>Hostile or broken responses: each ends in a clear fetch-log error, never a crash.</summary>
public sealed class WebFetcherBadInputTests : IAsyncLifetime
{
    private TestWebServer _server = null!;

    public async Task InitializeAsync() => _server = await TestWebServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FetchAsync_GzipBomb_ReportsDecompressionBomb()
    {
        var bomb = Compress(new byte[64 * 1024 * 1024], s => new GZipStream(s, CompressionLevel.SmallestSize));
        bomb.Length.ShouldBeLessThan(200_000);
        _server.Map("/bomb", async ctx =>
        {
            ctx.Response.ContentType = "text/html";
            ctx.Response.Headers.ContentEncoding = "gzip";
            await ctx.Response.Body.WriteAsync(bomb);
        });
        using var fetcher = TestFetchers.Create(o => o.MaxDecompressedBytes = 4 * 1024 * 1024);

        var result = await fetcher.FetchAsync(_server.Url("/bomb"));

        result.ErrorKind.ShouldBe(FetchErrorKind.DecompressionBomb);
        result.Log.Error!.ShouldContain("decompresses to more than 4,194,304 bytes");
        result.Text.ShouldBeEmpty();
    }

    [Fact]
    public async Task FetchAsync_GzipBombWithoutContentEncoding_IsStillCapped()
    {
        var bomb = Compress(new byte[32 * 1024 * 1024], s => new GZipStream(s, CompressionLevel.SmallestSize));
        _server.Map("/sitemap.xml.gz", ctx =>
        {
            ctx.Response.ContentType = "application/x-gzip";
            return ctx.Response.Body.WriteAsync(bomb).AsTask();
        });
        using var fetcher = TestFetchers.Create(o => o.MaxDecompressedBytes = 1024 * 1024);

        var result = await fetcher.FetchAsync(_server.Url("/sitemap.xml.gz"));

        result.ErrorKind.ShouldBe(FetchErrorKind.DecompressionBomb);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task FetchAsync_CompressedBody_IsDecodedByTheFetcher(string encoding)
    {
        var html = "<html><body><p>" + string.Concat(Enumerable.Repeat("Compressed text. ", 200)) + "</p></body></html>";
        var body = Compress(Encoding.UTF8.GetBytes(html), encoding switch
        {
            "gzip" => s => new GZipStream(s, CompressionLevel.Optimal),
            "deflate" => s => new ZLibStream(s, CompressionLevel.Optimal),
            _ => s => new BrotliStream(s, CompressionLevel.Optimal),
        });
        _server.Map("/compressed", async ctx =>
        {
            ctx.Request.Headers.AcceptEncoding.ToString().ShouldContain(encoding);
            ctx.Response.ContentType = "text/html; charset=utf-8";
            ctx.Response.Headers.ContentEncoding = encoding;
            await ctx.Response.Body.WriteAsync(body);
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(_server.Url("/compressed"));

        result.Succeeded.ShouldBeTrue(result.Log.Error);
        result.Text.ShouldBe(html);
        result.Log.Bytes.ShouldBe(body.Length);
    }

    [Fact]
    public async Task FetchAsync_CorruptGzip_ReportsMalformed()
    {
        _server.Map("/corrupt", async ctx =>
        {
            ctx.Response.Headers.ContentEncoding = "gzip";
            await ctx.Response.Body.WriteAsync(new byte[] { 0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 });
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(_server.Url("/corrupt"));

        result.ErrorKind.ShouldBe(FetchErrorKind.Malformed);
        result.Log.Error!.ShouldContain("gzip");
    }

    [Fact]
    public async Task FetchAsync_FiftyMegabytePageStreamed_StopsAtTheCap()
    {
        var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        _server.Map("/huge", async ctx =>
        {
            ctx.Response.ContentType = "text/html";
            try
            {
                for (var sent = 0; sent < 50 * 1024 * 1024; sent += chunk.Length)
                {
                    await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        using var fetcher = TestFetchers.Create(o => o.MaxResponseBytes = 8 * 1024 * 1024);

        var result = await fetcher.FetchAsync(_server.Url("/huge"));

        result.ErrorKind.ShouldBe(FetchErrorKind.TooLarge);
        result.Log.Error!.ShouldContain("8,388,608-byte limit");
        result.Log.Attempts.ShouldBe(1, "too large is final, not retried");
    }

    [Fact]
    public async Task FetchAsync_DeclaredContentLengthOverCap_RefusedBeforeDownloading()
    {
        _server.Map("/declared-huge", ctx =>
        {
            ctx.Response.ContentLength = 50L * 1024 * 1024;
            ctx.Abort();
            return Task.CompletedTask;
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(_server.Url("/declared-huge"));

        result.ErrorKind.ShouldBeOneOf(FetchErrorKind.TooLarge, FetchErrorKind.Network);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "PNG")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0 }, "ZIP")]
    [InlineData(new byte[] { 1, 2, 3, 0, 0, 0, 7, 8, 9, 0, 0, 3 }, "NUL")]
    public async Task FetchAsync_BinaryBodyServedAsHtml_ReportsBinary(byte[] body, string expected)
    {
        _server.Map("/binary", async ctx =>
        {
            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.Body.WriteAsync(body);
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(_server.Url("/binary"));

        result.ErrorKind.ShouldBe(FetchErrorKind.Binary);
        result.Log.Error!.ShouldContain(expected);
        result.Log.Error!.ShouldContain("text/html");
    }

    [Fact]
    public async Task FetchAsync_RedirectLoop_ReportsLoop()
    {
        _server.Map("/a", ctx =>
        {
            ctx.Response.Redirect("/b");
            return Task.CompletedTask;
        });
        _server.Map("/b", ctx =>
        {
            ctx.Response.Redirect("/a");
            return Task.CompletedTask;
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(_server.Url("/a"));

        result.ErrorKind.ShouldBe(FetchErrorKind.RedirectLoop);
        result.Log.Error!.ShouldContain("Redirect loop");
        _server.Hits("/a").ShouldBe(1);
        _server.Hits("/b").ShouldBe(1);
    }

    [Fact]
    public async Task FetchAsync_RedirectChainOverCap_ReportsTooManyRedirects()
    {
        for (var i = 0; i < 10; i++)
        {
            var next = $"/hop{i + 1}";
            _server.Map($"/hop{i}", ctx =>
            {
                ctx.Response.Redirect(next);
                return Task.CompletedTask;
            });
        }

        using var fetcher = TestFetchers.Create(o => o.MaxRedirects = 3);

        var result = await fetcher.FetchAsync(_server.Url("/hop0"));

        result.ErrorKind.ShouldBe(FetchErrorKind.TooManyRedirects);
        result.Log.Error!.ShouldContain("More than 3 redirects");
    }

    [Fact]
    public async Task FetchAsync_Redirect_IsFollowedAndFinalUrlReported()
    {
        _server.Map("/old", ctx =>
        {
            ctx.Response.StatusCode = 301;
            ctx.Response.Headers.Location = "/new?x=1";
            return Task.CompletedTask;
        });
        _server.MapText("/new", "<p>moved</p>");
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(_server.Url("/old"));

        result.Succeeded.ShouldBeTrue(result.Log.Error);
        result.FinalUrl.AbsolutePath.ShouldBe("/new");
        result.Log.FinalUrl.ShouldBe(_server.Url("/new?x=1").AbsoluteUri);
    }

    [Fact]
    public async Task FetchAsync_NonHttpRedirect_IsRefused()
    {
        _server.Map("/to-file", ctx =>
        {
            ctx.Response.Redirect("file:///etc/passwd");
            return Task.CompletedTask;
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(_server.Url("/to-file"));

        result.ErrorKind.ShouldBe(FetchErrorKind.Unsupported);
        result.Log.Error!.ShouldContain("not an absolute http or https URL");
    }

    private static byte[] Compress(byte[] data, Func<Stream, Stream> open)
    {
        using var output = new MemoryStream();
        using (var compressor = open(output))
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}
