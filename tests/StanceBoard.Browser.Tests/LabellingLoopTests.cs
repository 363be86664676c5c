using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Browser.Tests;

/// <summary>
/// The whole labelling loop on a fresh instance, as people do it: the first admin is created with
/// the CLI, signs in and creates an annotator; the annotator labels 30 pieces with the keyboard;
/// the admin trains, reads the comparison, promotes, and the charts are re-scored. A screenshot of
/// every page is saved.
/// </summary>
public sealed class LabellingLoopTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string AdminPassword = "first admin passphrase";
    private const string AnnotatorPassword = "annotator passphrase 7";
    private const int PiecesToLabel = 30;
    private static readonly string[] Targets = ["Russia", "Turkey", "Azerbaijan"];
    private static readonly string[] Rows = ["123", "456", "789"];
    private static readonly string[] Stances = ["favor", "against", "none"];
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 240_000 };

    [Fact]
    public async Task LabellingLoop_FreshInstance_AdminAnnotatorTrainPromote()
    {
        var folder = Directory.CreateTempSubdirectory("stanceboard-labelling-").FullName;
        var server = KestrelStanceBoardFactory.Create(folder);
        try
        {
            await RunLoopAsync(server, folder);
        }
        finally
        {
            server.Dispose();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown: the OS temp cleaner takes it.
            }
        }
    }

    private async Task RunLoopAsync(KestrelStanceBoardFactory server, string folder)
    {
        server.StartServer();
        var baseAddress = server.ClientOptions.BaseAddress;
        var truth = await PostPiecesAsync(baseAddress, 40);

        var created = await CliAsync(folder, AdminPassword, "users", "add", "admin", "--role", "admin", "--password-stdin", "--db", server.DatabasePath);
        created.ExitCode.ShouldBe(0, created.StdErr);
        created.StdOut.ShouldNotContain(AdminPassword);
        created.StdErr.ShouldNotContain(AdminPassword);

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        // The admin signs in and creates an annotator.
        await SignInAsync(page, baseAddress, "admin", AdminPassword, "/users");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("labelling-1-users"), FullPage = true });
        await page.FillAsync("#new-user-name", "annotator one");
        await page.SelectOptionAsync("#new-user-role", "annotator");
        await page.FillAsync("#new-user-password", AnnotatorPassword);
        await page.ClickAsync("#new-user-add");
        await Assertions.Expect(page.Locator("#users-table tr[data-user='annotator one']")).ToBeVisibleAsync();
        (await page.ContentAsync()).ShouldNotContain(AnnotatorPassword);
        await SignOutAsync(page);

        // The annotator labels 30 pieces with the keyboard: one key per target, the piece is saved
        // when every target has a stance.
        await SignInAsync(page, baseAddress, "annotator one", AnnotatorPassword, "/label");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("labelling-2-signin-done") });
        var seen = new HashSet<long>();
        var keystrokes = new List<int>();
        for (var n = 0; n < PiecesToLabel; n++)
        {
            var piece = page.Locator(".label-piece");
            await Assertions.Expect(piece).ToBeVisibleAsync(new() { Timeout = 20_000 });
            var id = long.Parse(await piece.GetAttributeAsync("data-piece-id") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            seen.Add(id).ShouldBeTrue($"piece {id} was offered twice");
            if (n == 1)
            {
                await BlindModeHidesTheVerdictAsync(page);
                await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("labelling-3-queue"), FullPage = true });
            }

            var title = await page.Locator(".label-title").InnerTextAsync();
            var stances = truth[title];
            var rows = await page.Locator(".label-target").AllAsync();
            var keys = 0;
            for (var r = 0; r < rows.Count; r++)
            {
                var target = await rows[r].GetAttributeAsync("data-target");
                await page.Keyboard.PressAsync(Rows[r][Array.IndexOf(Stances, stances[target!])].ToString());
                keys++;
            }

            keystrokes.Add(keys);
            await Assertions.Expect(page.Locator($".label-piece[data-piece-id='{id}']")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        }

        keystrokes.ShouldAllBe(k => k <= 4);
        keystrokes.ShouldContain(3); // pieces naming all three targets took three keys
        await LabelPageFitsAPhoneAsync(context, baseAddress);
        await CorrectThisOnAPiecePageAsync(page, baseAddress, seen.First());
        using (var reader = Client(baseAddress, StanceBoardFactory.AdminKey))
        {
            var stats = await reader.GetFromJsonAsync<JsonElement>("/api/labels/stats");
            stats.GetProperty("units").GetInt64().ShouldBe(PiecesToLabel);
            stats.GetProperty("holdoutUnits").GetInt64().ShouldBeGreaterThan(0);
        }

        await SignOutAsync(page);

        // The admin trains, reads the comparison on held-out labels, promotes; the charts follow.
        await SignInAsync(page, baseAddress, "admin", AdminPassword, "/model");
        await page.ClickAsync("#train-start");
        await Assertions.Expect(page.Locator("#training-progress, #comparison").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#comparison-table")).ToBeVisibleAsync(Slow);
        var candidate = (await page.Locator("#comparison-table thead th").Nth(2).InnerTextAsync()).Replace("candidate ", string.Empty, StringComparison.Ordinal).Trim();
        candidate.ShouldStartWith("m-");
        await Assertions.Expect(page.Locator("#per-target-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#changed-verdicts")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.confusion")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#learning-curve svg")).ToBeVisibleAsync(Slow);
        await Assertions.Expect(page.Locator("#learning-curve caption")).ToHaveTextAsync("Learning curve: f_avg on the held-out labels", new() { Timeout = 240_000 });
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("labelling-4-comparison"), FullPage = true });
        await page.ClickAsync("#train-promote");
        await Assertions.Expect(page.Locator("#training-decision")).ToContainTextAsync("Promoted", new() { Timeout = 20_000 });

        // The Model page follows the re-scoring over the hub; once it is finished, the charts show the new version.
        await Assertions.Expect(page.Locator(".rescore")).ToContainTextAsync($"with {candidate}", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".rescore")).ToContainTextAsync("(finished)", new() { Timeout = 120_000 });

        await page.GotoAsync(new Uri(baseAddress, "/").ToString());
        var timeline = page.Locator("[data-chart='stance-timeline'] svg");
        await Assertions.Expect(timeline).ToContainTextAsync(candidate, new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("labelling-5-overview-rescored"), FullPage = true });
        using var client = Client(baseAddress, StanceBoardFactory.AdminKey);
        var pieces = await client.GetFromJsonAsync<JsonElement>("/api/pieces?limit=100");
        pieces.EnumerateArray().SelectMany(p => p.GetProperty("targets").EnumerateObject())
            .ShouldAllBe(t => t.Value.GetProperty("modelVersion").GetString() == candidate);
        await context.CloseAsync();
    }

    private static async Task BlindModeHidesTheVerdictAsync(IPage page)
    {
        await Assertions.Expect(page.Locator(".model-verdict").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("b");
        await Assertions.Expect(page.Locator("#blind-toggle")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator(".model-verdict")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator(".label-text .evidence-sentence")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("labelling-3-queue-blind"), FullPage = true });
        await page.Keyboard.PressAsync("b");
        await Assertions.Expect(page.Locator(".model-verdict").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
    }

    private static async Task CorrectThisOnAPiecePageAsync(IPage page, Uri baseAddress, long pieceId)
    {
        await page.GotoAsync(new Uri(baseAddress, $"/pieces/{pieceId}").ToString());
        var russia = page.Locator(".target-stance#target-Russia");
        await russia.Locator(".correct-this summary").ClickAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(russia.Locator(".correction-current")).ToContainTextAsync("Your label:");
        await russia.Locator(".correct-this input").FillAsync("<b>second</b> thoughts");
        await russia.Locator(".correct-this button[data-stance='none']").ClickAsync();
        await Assertions.Expect(russia.Locator(".correction-current")).ToHaveTextAsync("Your label: none — “<b>second</b> thoughts”");
        (await page.Locator(".piece-page b").CountAsync()).ShouldBe(0);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("labelling-3-piece-correct-this"), FullPage = true });
    }

    private async Task LabelPageFitsAPhoneAsync(IBrowserContext desktop, Uri baseAddress)
    {
        var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, StorageState = await desktop.StorageStateAsync() });
        var page = await phone.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "/label").ToString());
        await Assertions.Expect(page.Locator(".label-piece")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1")).ShouldBeFalse("the label page scrolls sideways on a phone");
        var button = await page.Locator(".stance-button").First.BoundingBoxAsync();
        button!.Height.ShouldBeGreaterThanOrEqualTo(40); // big enough to tap
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("labelling-3-queue-phone"), FullPage = true });
        await phone.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, Uri baseAddress, string name, string password, string next)
    {
        await page.GotoAsync(new Uri(baseAddress, $"/signin?next={Uri.EscapeDataString(next)}").ToString());
        await page.FillAsync("#signin-name", name);
        await page.FillAsync("#signin-password", password);
        if (name == "admin" && next == "/users")
        {
            await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("labelling-0-signin") });
        }

        await page.Locator(".signin-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(baseAddress, next).ToString(), new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#account .account-name")).ToHaveTextAsync(name);
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.ClickAsync("#sign-out");
        await Assertions.Expect(page.Locator("#sign-in-link")).ToBeVisibleAsync();
    }

    /// <summary>Posts pieces that name all three targets (or two, every fifth) with a clear stance each; returns title → target → stance.</summary>
    private static async Task<Dictionary<string, Dictionary<string, string>>> PostPiecesAsync(Uri baseAddress, int count)
    {
        using var client = Client(baseAddress, StanceBoardFactory.AdminKey);
        var truth = new Dictionary<string, Dictionary<string, string>>();
        string[] cue = ["deserves praise for", "must answer for", "merely reported on"];
        string[] alias = ["Moscow", "Ankara", "Baku"];
        for (var i = 0; i < count; i++)
        {
            var title = $"Commentary {i + 1:00} on the ceasefire";
            var stances = new Dictionary<string, string>();
            var sentences = new List<string> { $"This is commentary number {i + 1} on the autumn fighting." };
            for (var t = 0; t < Targets.Length; t++)
            {
                if (i % 5 == 4 && t == 2)
                {
                    continue;
                }

                var s = (i + t) % 3;
                stances[Targets[t]] = Stances[s];
                sentences.Add($"{alias[t]} {cue[s]} its part in the ceasefire talks of week {i + 1}.");
            }

            sentences.Add("Observers will judge the outcome in the spring.");
            var response = await client.PostAsJsonAsync("/api/pieces", new
            {
                title,
                text = string.Join(" ", sentences),
                authors = new[] { $"Author {i % 7}" },
                outlet = $"Outlet {i % 4}",
                published = $"2020-10-{(i % 28) + 1:00}",
            });
            response.EnsureSuccessStatusCode();
            truth[title] = stances;
        }

        return truth;
    }

    private static HttpClient Client(Uri baseAddress, string key)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task<(int ExitCode, string StdOut, string StdErr)> CliAsync(string workingDirectory, string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "StanceBoard.Dashboard.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
