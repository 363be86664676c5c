using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion;
using StanceBoard.Ingestion.Dedupe;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Tests.Sources;

public sealed class SourceStoreTests(QuietIngestionFactory factory) : IClassFixture<QuietIngestionFactory>
{
    private ISourceStore Sources => factory.Services.GetRequiredService<ISourceStore>();

    private IStanceStore Store => factory.Services.GetRequiredService<IStanceStore>();

    [Fact]
    public async Task FindContentAsync_SyndicatedCopy_FoundThroughSimHashBands()
    {
        var text = string.Join(" ", Enumerable.Range(0, 60).Select(i => $"Sentence {i} about Moscow, Ankara and Baku and the ceasefire of November {Guid.NewGuid():N}."));
        var original = await Store.AddScoredPieceAsync(new Piece { Title = "Original", Text = text, Url = $"https://a.example/{Guid.NewGuid():N}" }, []);
        await Sources.SetPieceFingerprintAsync(original.Id, null, SimHash.Compute(text));
        var copy = "Republished with permission. " + text;

        var near = await Sources.FindContentAsync(ContentHash.Compute(copy), SimHash.Compute(copy));
        var exact = await Sources.FindContentAsync(ContentHash.Compute(text), SimHash.Compute(text));
        var linked = await Sources.AddLinkedCopyAsync(new Piece { Title = "Copy", Text = copy, Url = $"https://b.example/{Guid.NewGuid():N}" }, original.Id, null, SimHash.Compute(copy));

        near.ShouldBe((original.Id, false));
        exact.ShouldBe((original.Id, true));
        linked.ShouldNotBe(original.Id);
        (await Store.GetPieceAsync(linked))!.Scores.ShouldBeEmpty();
    }

    [Fact]
    public async Task SyndicatedCopies_LeftOutOfListsAndCounts_ShownOnTheOriginalsPage()
    {
        var text = $"Moscow brokered the truce and Ankara armed Baku, an analyst wrote ({Guid.NewGuid():N}).";
        var original = await Store.AddScoredPieceAsync(new Piece { Title = "Original", Text = text, Url = $"https://a.example/{Guid.NewGuid():N}" }, []);
        var copyUrl = $"https://b.example/{Guid.NewGuid():N}";
        var copy = await Sources.AddLinkedCopyAsync(new Piece { Title = "Copy", Text = "Republished. " + text, Url = copyUrl, Outlet = "Mirror Daily" }, original.Id, null, SimHash.Compute(text));
        var listed = await Store.ListPiecesAsync(new PieceQuery { AfterId = original.Id - 1, Limit = 500 });
        var listedWithCopies = await Store.ListPiecesAsync(new PieceQuery { AfterId = original.Id - 1, Limit = 500, IncludeCopies = true });
        var all = await Store.CountPiecesAsync();
        var withoutCopies = await Store.CountPiecesAsync(includeCopies: false);
        using var client = factory.CreateClient();

        var originalPage = await client.GetFromJsonAsync<JsonElement>($"/api/pieces/{original.Id}");
        var copyPage = await client.GetFromJsonAsync<JsonElement>($"/api/pieces/{copy}");

        listed.Select(p => p.Id).ShouldContain(original.Id);
        listed.Select(p => p.Id).ShouldNotContain(copy);
        listedWithCopies.Select(p => p.Id).ShouldContain(copy);
        (all - withoutCopies).ShouldBeGreaterThanOrEqualTo(1);
        var copies = originalPage.GetProperty("copies").EnumerateArray().ToList();
        copies.Count.ShouldBe(1);
        copies[0].GetProperty("id").GetInt64().ShouldBe(copy);
        copies[0].GetProperty("outlet").GetString().ShouldBe("Mirror Daily");
        copies[0].GetProperty("url").GetString().ShouldBe(copyUrl);
        originalPage.GetProperty("duplicateOf").ValueKind.ShouldBe(JsonValueKind.Null);
        copyPage.GetProperty("duplicateOf").GetInt64().ShouldBe(original.Id);
        copyPage.GetProperty("copies").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Validators_RoundTripAndClear()
    {
        var url = $"https://v.example/{Guid.NewGuid():N}";
        var validators = new HttpValidators("W/\"abc\"", new DateTimeOffset(2020, 10, 5, 10, 0, 0, TimeSpan.Zero));

        await Sources.SetValidatorsAsync(url, validators);
        var stored = await Sources.GetValidatorsAsync(url);
        await Sources.SetValidatorsAsync(url, null);

        stored.ShouldBe(validators);
        (await Sources.GetValidatorsAsync(url)).ShouldBeNull();
    }

    [Fact]
    public async Task RecordPollAsync_HealthAndScheduleSurviveARead()
    {
        var source = (await Sources.AddSourceAsync(new NewSource($"https://h.example/{Guid.NewGuid():N}", "H", SourceKind.Rss, null, TimeSpan.FromMinutes(10), true)))!;
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var health = source.Health.Failed(at, FetchErrorKind.Timeout, "slow", HostCircuitState.Open);

        await Sources.RecordPollAsync(source.Id, health, at.AddHours(1));
        var read = (await Sources.GetSourceAsync(source.Id))!;
        var due = await Sources.ListDueSourcesAsync(at.AddHours(2), 1000);

        read.Health.ShouldBe(health);
        read.NextPollUtc.ShouldBe(at.AddHours(1));
        due.ShouldContain(s => s.Id == source.Id);
        (await Sources.ListDueSourcesAsync(at.AddMinutes(30), 1000)).ShouldNotContain(s => s.Id == source.Id);
    }
}
