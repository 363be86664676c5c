using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace StanceBoard.Browser.Tests;

/// <summary>
/// The charts' links for keyboard and screen-reader users, in Chromium: Tab from the chart's
/// menu reaches every heatmap cell and position bar as a link whose accessible name says who,
/// which target, the estimate, its interval and n; a live chartUpdated that replaces the chart
/// keeps focus on the same author and target.
/// </summary>
public sealed partial class ChartKeyboardTests(BrowserFixture browser, ServerFixture server)
    : IClassFixture<BrowserFixture>, IClassFixture<ServerFixture>
{
    private static readonly LocatorAssertionsToBeAttachedOptions Patient = new() { Timeout = 20_000 };

    [Fact]
    public async Task Heatmap_TabFromTheChartMenu_ReachesEveryCellAsANamedLink()
    {
        var author = "Keyboard Reader " + Unique();
        await PostAsync(author, "Ankara has been a reckless patron of this war. Moscow stayed out of it. Baku welcomed the talks.");
        var page = await OpenAsync("/");
        var heatmap = page.Locator("[data-chart='author-heatmap']");
        await Assertions.Expect(heatmap.Locator($"a.chart-mark[data-author='{author}'][data-target='Turkey']")).ToBeAttachedAsync(Patient);
        var marks = await heatmap.Locator("a.chart-mark").CountAsync();

        var reached = await TabThroughMarksAsync(page, heatmap);

        reached.Count.ShouldBe(marks, "Tab reaches each cell once, in order");
        reached.ShouldAllBe(name => MarkName().IsMatch(name));
        var name = reached.Single(n => n.StartsWith(author + ", Turkey: ", StringComparison.Ordinal));
        name.ShouldContain("n=1");
        // The name is the accessible name Chromium computes (what a screen reader announces), and the hover title.
        await Assertions.Expect(heatmap.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToHaveCountAsync(1);
        (await heatmap.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).GetAttributeAsync("title")).ShouldBe(name);
    }

    [Fact]
    public async Task Positions_TabFromTheChartMenu_ReachesEachBarAsANamedLink()
    {
        var author = "Bar Reader " + Unique();
        await PostAsync(author, "Ankara has been a reckless patron of this war. The Kremlin brokered a fair truce.");
        var page = await OpenAsync("/authors/" + Uri.EscapeDataString(author));
        var positions = page.Locator("[data-chart='author-positions']");
        await Assertions.Expect(positions.Locator("a.chart-mark").First).ToBeAttachedAsync(Patient);

        var reached = await TabThroughMarksAsync(page, positions);

        reached.Count.ShouldBe(await positions.Locator("a.chart-mark").CountAsync());
        reached.ShouldContain(n => n.StartsWith(author + ", Turkey: ", StringComparison.Ordinal));
        reached.ShouldContain(n => n.StartsWith(author + ", Russia: ", StringComparison.Ordinal));
        reached.ShouldAllBe(name => MarkName().IsMatch(name));
    }

    [Fact]
    public async Task Heatmap_LiveUpdateWhileACellHasFocus_KeepsFocusOnTheSameAuthorAndTarget()
    {
        var author = "Focus Keeper " + Unique();
        await PostAsync(author, "Ankara has been a reckless patron of this war. Turkish drones changed the front.");
        var page = await OpenAsync("/");
        var heatmap = page.Locator("[data-chart='author-heatmap']");
        var cell = heatmap.Locator($"a.chart-mark[data-author='{author}'][data-target='Turkey']");
        await Assertions.Expect(cell).ToBeAttachedAsync(Patient);
        await heatmap.Locator("details.download summary").FocusAsync();
        for (var i = 0; i < 200 && !await IsFocusedAsync(page, author, "Turkey"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        (await IsFocusedAsync(page, author, "Turkey")).ShouldBeTrue("Tab reached the cell");
        await page.EvaluateAsync("() => { document.activeElement.dataset.before = 'yes'; }");

        // A new author adds a row: the server pushes a new SVG with new marks, and the page replaces both.
        var newcomer = "Newcomer " + Unique();
        await PostAsync(newcomer, "Moscow failed to stop the war. Ankara armed Baku openly.");
        await Assertions.Expect(heatmap.Locator($"a.chart-mark[data-author='{newcomer}']").First).ToBeAttachedAsync(Patient);

        (await IsFocusedAsync(page, author, "Turkey")).ShouldBeTrue("focus stays on the same author and target");
        (await page.EvaluateAsync<bool>("() => document.activeElement.dataset.before === undefined")).ShouldBeTrue("the focused link is the new chart's");
        (await page.EvaluateAsync<bool>("() => document.querySelector(\"[data-chart='author-heatmap'] .chart-frame\").contains(document.activeElement)")).ShouldBeTrue();
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('chart-mark')")).ShouldBeTrue("Tab carries on through the new chart's links");
    }

    /// <summary>Focuses the chart's download menu, then Tabs until focus leaves the chart's links; returns the names of the links reached.</summary>
    private static async Task<List<string>> TabThroughMarksAsync(IPage page, ILocator chart)
    {
        await chart.Locator("details.download summary").FocusAsync();
        var names = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var name = await chart.EvaluateAsync<string?>("(panel) => panel.contains(document.activeElement) && document.activeElement.matches('a.chart-mark') ? document.activeElement.getAttribute('aria-label') : null");
            if (name is null)
            {
                break;
            }

            names.Add(name);
        }

        return names;
    }

    private static Task<bool> IsFocusedAsync(IPage page, string author, string target) =>
        page.EvaluateAsync<bool>("([a, t]) => document.activeElement?.matches('a.chart-mark') && document.activeElement.dataset.author === a && document.activeElement.dataset.target === t", new[] { author, target });

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(server.BaseAddress, path).ToString());
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 20_000 });
        return page;
    }

    private async Task PostAsync(string author, string text)
    {
        using var writer = server.CreateWriter();
        var response = await writer.PostAsJsonAsync("/api/pieces", new { title = "Keyboard " + Unique(), text, authors = new[] { author }, outlet = "Keyboard Review", published = "2020-10-15" });
        response.EnsureSuccessStatusCode();
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>"Name, Target: +0.12 (interval −0.40 to +0.55; n=3…)": who, target, estimate, interval, n.</summary>
    [GeneratedRegex(@"^.+, \w+: [+\u2212]?\d\.\d\d \(interval [+\u2212]?\d\.\d\d to [+\u2212]?\d\.\d\d; n=\d+")]
    private static partial Regex MarkName();
}
