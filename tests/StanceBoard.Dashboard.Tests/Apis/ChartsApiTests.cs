using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Tests.Charts;
using StanceBoard.Ingestion;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Apis;

/// <summary>The charts API through the real app over a fresh database seeded with the chart fixture.</summary>
public sealed class ChartsApiTests(ChartsApiTests.Fixture fixture) : IClassFixture<ChartsApiTests.Fixture>
{
    public sealed class Fixture : StanceBoardFactory, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            var store = Services.GetRequiredService<IStanceStore>();
            foreach (var piece in ChartFixtures.Karabakh().GroupBy(o => o.PieceId))
            {
                var first = piece.First();
                await store.AddScoredPieceAsync(
                    new Piece
                    {
                        Title = "Fixture " + piece.Key,
                        Text = $"Fixture piece {piece.Key} about Moscow, Ankara and Baku.",
                        Authors = piece.Select(o => o.Author!).Distinct().ToArray(),
                        Outlet = first.Outlet,
                        Published = first.Published,
                        Origin = "test",
                    },
                    piece.DistinctBy(o => o.Target).Select(o => new TargetScore
                    {
                        Target = o.Target,
                        Mentions = 1,
                        MentionSpans = [],
                        Stance = o.Stance,
                        Score = o.Score,
                        Evidence = [],
                        ModelVersion = o.ModelVersion,
                    }).ToArray());
            }
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private HttpClient Client => fixture.CreateClient();

    [Fact]
    public async Task Get_Svg_IsTheChartWithETagCacheAndDisposition()
    {
        var response = await Client.GetAsync("/api/charts/author-heatmap.svg?from=2020-09-01&to=2020-11-30&title=Heat%20%3Cmap%3E");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        response.Headers.ETag.ShouldNotBeNull();
        response.Headers.CacheControl!.Public.ShouldBeTrue();
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("author-heatmap_2020-09-01_2020-11-30.svg");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'");
        var svg = SvgSafetyTests.Parse(await response.Content.ReadAsStringAsync());
        var text = string.Join("\n", svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        text.ShouldContain("Heat <map>");
        text.ShouldContain("Mara Ellison");
        text.ShouldContain("Models 2020.10-a, 2020.11-b");
    }

    [Fact]
    public async Task GetView_Heatmap_IsTheSvgWithItsMarks()
    {
        var response = await Client.GetAsync("/api/charts/author-heatmap/view?width=900&height=600");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        SvgSafetyTests.Parse(root.GetProperty("svg").GetString()!).Root!.Name.LocalName.ShouldBe("svg");
        root.GetProperty("width").GetDouble().ShouldBe(900);
        var marks = root.GetProperty("marks").EnumerateArray().ToList();
        marks.ShouldNotBeEmpty();
        marks.ShouldContain(m => m.GetProperty("name").GetString() == "Mara Ellison" && m.GetProperty("kind").GetString() == "author");
        marks.ShouldAllBe(m => m.GetProperty("x").GetDouble() >= 0 && m.GetProperty("x").GetDouble() + m.GetProperty("width").GetDouble() <= 900);
    }

    [Theory]
    [InlineData("/api/charts/author-heatmap/view?dpi=5000", "dpi")]
    [InlineData("/api/charts/author-heatmap/view?width=abc", "width")]
    public async Task GetView_BadParameter_Is400NamingIt(string url, string parameter)
    {
        var response = await Client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"\"{parameter}\"");
    }

    [Fact]
    public async Task Get_SameChartWithIfNoneMatch_Is304()
    {
        var first = await Client.GetAsync("/api/charts/stance-distribution.png?preset=print-single");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/charts/stance-distribution.png?preset=print-single");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await Client.SendAsync(request);

        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await second.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_Png_HasRequestedPixelsAndDpi()
    {
        var response = await Client.GetAsync("/api/charts/stance-timeline.png?width=900&height=600&dpi=150&grey=true&targets=Russia,Turkey&bin=week");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        var png = PngInfo.Read(await response.Content.ReadAsByteArrayAsync());
        (png.Width, png.Height, png.Dpi, png.ColourType).ShouldBe((900, 600, (int?)150, 0));
    }

    [Fact]
    public async Task Get_Pdf_HasPhysicalPageSize()
    {
        var response = await Client.GetAsync("/api/charts/author-positions.pdf?preset=print-double&targets=Turkey");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pdf = System.Text.Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync());
        System.Text.RegularExpressions.Regex.IsMatch(pdf, @"/MediaBox \[\s*0 0 504 324\s*\]").ShouldBeTrue("a 7 × 4.5 in page (504 × 324 pt)");
    }

    [Fact]
    public async Task Get_Csv_IsAnAttachmentWithOnlyFilteredRows()
    {
        var response = await Client.GetAsync("/api/charts/author-positions.csv?authors=Mara%20Ellison,Tomas%20Varga");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Skip(1).Select(l => l.Split(',')[1]).Distinct().Order().ShouldBe(["Mara Ellison", "Tomas Varga"]);
    }

    [Theory]
    [InlineData("/api/charts/stance-timeline.png?width=100000", "width")]
    [InlineData("/api/charts/stance-timeline.png?width=7000&height=7000", "width")] // 49 Mpx
    [InlineData("/api/charts/stance-timeline.png?dpi=2000", "dpi")]
    [InlineData("/api/charts/stance-timeline.svg?from=yesterday", "from")]
    [InlineData("/api/charts/stance-timeline.svg?from=2020-11-01&to=2020-10-01", "from")]
    [InlineData("/api/charts/stance-timeline.svg?bin=fortnight", "bin")]
    [InlineData("/api/charts/stance-timeline.svg?preset=poster", "preset")]
    [InlineData("/api/charts/stance-timeline.svg?grey=maybe", "grey")]
    [InlineData("/api/charts/stance-timeline.gif", "format")]
    [InlineData("/api/charts/stance-timeline.svg?to=9999-12-31", "to")] // the store reads up to the day after: no such day
    [InlineData("/api/charts/author-heatmap.csv?from=2020-01-01&to=9999-12-31T23:00:00Z", "to")]
    [InlineData("/api/charts/stance-distribution.svg?from=9999-12-31", "from")]
    public async Task Get_BadParameter_Is400ProblemNamingIt(string url, string parameter)
    {
        var response = await Client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue(body.RootElement.ToString());
    }

    [Fact]
    public async Task Get_UnknownChart_Is404ProblemListingCharts()
    {
        var response = await Client.GetAsync("/api/charts/pie.svg");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("stance-timeline");
    }

    [Fact]
    public async Task Get_NoMatchingData_IsAChartSayingSo()
    {
        var response = await Client.GetAsync("/api/charts/outlet-heatmap.svg?outlets=Nobody%20Weekly");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("No data for these filters");
    }

    [Fact]
    public async Task Get_Catalogue_ListsChartsAndPresets()
    {
        using var body = JsonDocument.Parse(await Client.GetStringAsync("/api/charts"));

        body.RootElement.GetProperty("charts").EnumerateArray().Select(e => e.GetString()).ShouldContain("author-heatmap");
        body.RootElement.GetProperty("presets").EnumerateArray().Select(e => e.GetString()).ShouldContain("slide");
    }

    [Fact]
    public async Task OpenApi_DescribesTheChartEndpoint()
    {
        var document = await Client.GetStringAsync("/openapi/v1.json");

        document.ShouldContain("/api/charts/{name}.{format}");
    }
}
