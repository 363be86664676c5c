using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Playwright;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Browser.Tests;

public sealed class LivePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Patient = new() { Timeout = 15_000 };

    private static async Task<IPage> OpenAsync(IBrowser browser, Uri baseAddress)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(baseAddress.ToString());
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "live", Patient);
        return page;
    }

    private static async Task<HttpResponseMessage> PostAsync(Uri baseAddress, object piece)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", StanceBoardFactory.AdminKey);
        return await client.PostAsJsonAsync("/api/pieces", piece);
    }

    [Fact]
    public async Task Overview_PostedPiece_AppearsLiveWithoutReloadAndMarkupStaysText()
    {
        using var factory = new KestrelStanceBoardFactory();
        factory.StartServer();
        var baseAddress = factory.ClientOptions.BaseAddress;
        var page = await OpenAsync(browser.Browser, baseAddress);
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");
        await Assertions.Expect(page.Locator(".piece-list .empty")).ToBeVisibleAsync();

        var title = "Baku and Ankara <img src=x onerror=\"window.__xss=1\"> " + Guid.NewGuid().ToString("N")[..6];
        var response = await PostAsync(baseAddress, new
        {
            title,
            text = "Ankara and Baku signed a pact. Moscow was silent. The Kremlin later objected.",
            authors = new[] { "<script>window.__xss=2</script>Jane Roe" },
            outlet = "Example Review",
            published = "2020-10-14",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);

        var card = page.Locator(".piece").Filter(new LocatorFilterOptions { HasText = title });
        await Assertions.Expect(card).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        await Assertions.Expect(card.Locator(".piece-title")).ToHaveTextAsync(title);
        // A fresh install scores with the default model, so the chip shows Russia's stance and score.
        await Assertions.Expect(card.Locator(".chip[data-target='Russia']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Russia\\s*(favor|against|none)"));
        await Assertions.Expect(card.Locator(".chip[data-target='Turkey']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Turkey\\s*(favor|against|none)"));
        await Assertions.Expect(card.Locator(".chip[data-target='Azerbaijan']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".total[data-target='Russia'] .total-figure")).ToHaveTextAsync("1", new LocatorAssertionsToHaveTextOptions { Timeout = 5_000 });
        (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).ShouldBeTrue("the page reloaded");
        (await page.EvaluateAsync<bool>("() => window.__xss === undefined")).ShouldBeTrue("markup from the API ran as HTML");
        (await card.Locator("img, script").CountAsync()).ShouldBe(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("overview-live"), FullPage = true });
    }

    [Fact]
    public async Task Overview_ServerRestarts_PageReconnectsAndShowsWhatItMissed()
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("stanceboard-restart-").FullName;
        var settings = new Dictionary<string, string?> { ["Urls"] = $"http://127.0.0.1:{port}" };
        IPage page;
        Uri baseAddress;
        using (var first = KestrelStanceBoardFactory.Create(folder, settings, port))
        {
            first.StartServer();
            baseAddress = first.ClientOptions.BaseAddress;
            page = await OpenAsync(browser.Browser, baseAddress);
            (await PostAsync(baseAddress, new { title = "Before the restart", text = "Moscow spoke first." })).EnsureSuccessStatusCode();
            await Assertions.Expect(page.Locator(".piece-title").Filter(new LocatorFilterOptions { HasText = "Before the restart" })).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator("#status")).Not.ToHaveAttributeAsync("data-state", "live", Patient);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("overview-disconnected") });

        using var second = KestrelStanceBoardFactory.Create(folder, settings, port);
        second.StartServer();
        (await PostAsync(baseAddress, new { title = "While the page was away", text = "Ankara answered in the meantime." })).EnsureSuccessStatusCode();

        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 40_000 });
        await Assertions.Expect(page.Locator(".piece-title").Filter(new LocatorFilterOptions { HasText = "While the page was away" })).ToBeVisibleAsync(new() { Timeout = 10_000 });
        (await page.Locator(".piece").CountAsync()).ShouldBe(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("overview-resynced"), FullPage = true });
        second.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
