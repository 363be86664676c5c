using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion;

namespace StanceBoard.Browser.Tests;

/// <summary>
/// The dashboard as an analyst uses it: charts that update live, a path from a chart to the
/// sentences behind it, downloads in every format, and every page's screenshot.
/// </summary>
public sealed class DashboardPagesTests(BrowserFixture browser, ServerFixture server)
    : IClassFixture<BrowserFixture>, IClassFixture<ServerFixture>
{
    private const string Author = "Ann <img src=x onerror=alert(1)> Lee & Co";
    private static readonly LocatorAssertionsToHaveAttributeOptions Patient = new() { Timeout = 20_000 };

    private async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, path).ToString());
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "live", Patient);
        return page;
    }

    private async Task<long> PostAsync(string title, string text, string author = Author, string outlet = "Harbour <i>Review</i>", string published = "2020-10-15")
    {
        using var writer = server.CreateWriter();
        var response = await writer.PostAsJsonAsync("/api/pieces", new { title, text, authors = new[] { author }, outlet, published });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Overview_NewPieces_UpdateTheChartsWithoutReload()
    {
        await PostAsync("Seed " + Unique(), "Moscow failed to stop the war. Ankara armed Baku openly.");
        var page = await OpenAsync("/");
        await Assertions.Expect(page.Locator("[data-chart='author-heatmap'] svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");
        var heatmap = page.Locator("[data-chart='author-heatmap']");
        var before = await heatmap.Locator("svg").InnerHTMLAsync();

        var newAuthor = "Tomas Lindgren " + Unique();
        await PostAsync("Live " + Unique(), "The Kremlin brokered the truce and deserves credit. Baku accepted it.", author: newAuthor);

        await Assertions.Expect(heatmap.Locator(".chart-updated")).Not.ToBeEmptyAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(heatmap.Locator($"a.chart-mark[data-author='{newAuthor}']").First).ToBeAttachedAsync(new() { Timeout = 10_000 });
        (await heatmap.Locator("svg").InnerHTMLAsync()).ShouldNotBe(before);
        (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).ShouldBeTrue();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("page-overview"), FullPage = true });
    }

    [Fact]
    public async Task DemoClear_RemovesDemoPiecesFromAnOpenPageWithoutReload()
    {
        var title = "Demo replay piece " + Unique();
        var store = server.Services.GetRequiredService<IStanceStore>();
        await store.AddScoredPieceAsync(new Piece { Title = title, Text = "Moscow called for calm. Ankara disagreed." }, [], isDemo: true);
        var page = await OpenAsync("/");
        var card = page.Locator(".piece-title", new() { HasText = title });
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator(".banner")).ToBeVisibleAsync();

        using var writer = server.CreateWriter();
        (await writer.DeleteAsync("/api/demo")).EnsureSuccessStatusCode();

        await Assertions.Expect(card).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator(".banner")).ToBeHiddenAsync();
        page.Url.ShouldEndWith("/");
    }

    [Fact]
    public async Task Chart_CellByKeyboard_IsANamedLinkThatEnterFollows()
    {
        await PostAsync("Keyboard trail " + Unique(), "Ankara has been a reckless patron of this war. Turkish drones changed the front.");
        var page = await OpenAsync("/");

        var cell = page.Locator($"[data-chart='author-heatmap'] a.chart-mark[data-author='{Author}'][data-target='Turkey']");
        await Assertions.Expect(cell).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/authors/.*targets=Turkey$"), new() { Timeout = 20_000 });
        (await cell.GetAttributeAsync("aria-label"))!.ShouldContain(Author + ", Turkey: ");
        (await cell.BoundingBoxAsync())!.Width.ShouldBeGreaterThan(10, "the link covers the cell the server measured");
        await cell.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/authors/.*targets=Turkey"));
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync(Author);
    }

    [Fact]
    public async Task Chart_CellToAuthorToPiece_ShowsEvidenceHighlighted()
    {
        var title = "Evidence trail " + Unique();
        await PostAsync(title, "Ankara has been a reckless patron of this war. Turkish drones changed the front. Nobody else intervened.");
        var page = await OpenAsync("/");

        var cell = page.Locator($"[data-chart='author-heatmap'] a.chart-mark[data-author='{Author}'][data-target='Turkey']");
        await cell.ClickAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/authors/.*targets=Turkey"));
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync(Author);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("page-author"), FullPage = true });

        await page.Locator(".piece-title a", new() { HasText = title }).ClickAsync();
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator(".piece-text mark.mention[data-target='Turkey']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".piece-text .evidence-sentence").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".target-stance#target-Turkey .prob-bar")).ToBeVisibleAsync();
        (await page.Locator(".piece-authors").TextContentAsync())!.ShouldContain(Author);
        (await page.Locator(".piece-page img, .piece-page i").CountAsync()).ShouldBe(0);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("page-piece"), FullPage = true });
    }

    [Fact]
    public async Task DownloadMenu_EveryFormat_GivesAValidFile()
    {
        await PostAsync("Download " + Unique(), "Baku welcomed the statement; Moscow sent peacekeepers.");
        var page = await OpenAsync("/");
        var panel = page.Locator("[data-chart='stance-timeline']");
        await Assertions.Expect(panel.Locator("svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        async Task<byte[]> DownloadAsync(string selector)
        {
            await panel.Locator("details.download summary").ClickAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => panel.Locator(selector).ClickAsync());
            var path = await download.PathAsync();
            return await File.ReadAllBytesAsync(path!);
        }

        var svg = await DownloadAsync("a[data-format='svg']");
        XDocument.Parse(Encoding.UTF8.GetString(svg)).Root!.Name.LocalName.ShouldBe("svg");

        var png = await DownloadAsync("a[data-format='png'][data-preset='print-single']");
        png[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        width.ShouldBe(1050); // 3.5 in at 300 dpi

        var pdf = await DownloadAsync("a[data-format='pdf']");
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");

        var csv = Encoding.UTF8.GetString(await DownloadAsync("a[data-format='csv']"));
        csv.Split('\n')[0].ShouldContain("target");
        csv.ShouldContain("Azerbaijan");
    }

    [Fact]
    public async Task Pages_SourcesModelOutletAndPhone_RenderAndNamesStayText()
    {
        await PostAsync("Outlet page " + Unique(), "Erdoğan spoke in Baku about Russia.");
        var outlet = await OpenAsync("/outlets/" + Uri.EscapeDataString("Harbour <i>Review</i>"));
        await Assertions.Expect(outlet.Locator("h1.page-title")).ToHaveTextAsync("Harbour <i>Review</i>");
        await Assertions.Expect(outlet.Locator(".piece").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await outlet.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("page-outlet"), FullPage = true });

        var model = await OpenAsync("/model");
        await Assertions.Expect(model.Locator("text=Active version")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await model.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("page-model"), FullPage = true });

        var sources = await OpenAsync("/sources");
        await Assertions.Expect(sources.Locator("h1.page-title")).ToHaveTextAsync("Sources");
        await Assertions.Expect(sources.Locator(".table, .empty").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await sources.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("page-sources"), FullPage = true });

        var phone = await OpenAsync("/", width: 390, height: 844);
        await Assertions.Expect(phone.Locator("[data-chart='stance-timeline'] svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        overflow.ShouldBeFalse("the overview scrolls sideways on a phone");
        await phone.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("page-overview-phone"), FullPage = true });
    }
}
