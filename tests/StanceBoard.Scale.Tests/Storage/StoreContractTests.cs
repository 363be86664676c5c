using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Analysis.Targets;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Scale.Tests.Storage;

/// <summary>
/// What every store must do, whatever the database: one suite, run against SQLite
/// (<see cref="SqliteStoreContractTests"/>) and PostgreSQL (<see cref="PostgresStoreContractTests"/>).
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected StoreSet Stores { get; private set; } = null!;

    protected abstract Task<StoreSet> CreateStoresAsync();

    public async Task InitializeAsync()
    {
        Stores = await CreateStoresAsync();
        await Stores.Pieces.MigrateAsync();
    }

    public async Task DisposeAsync() => await Stores.DisposeAsync();

    private static Piece CreatePiece(string text = "Moscow brokered a truce. Ankara objected.", string? url = null, string[]? authors = null, string outlet = "Example Review", DateTimeOffset? published = null) => new()
    {
        Title = "A title",
        Text = text,
        Authors = authors ?? ["Jane Roe", "John Doe"],
        Outlet = outlet,
        Url = url,
        Published = published ?? new DateTimeOffset(2020, 10, 12, 9, 30, 0, TimeSpan.FromHours(3)),
        Origin = "test",
    };

    private static TargetScore Score(string target, Stance? stance = Stance.Favor, double score = 0.5) => new()
    {
        Target = target,
        Mentions = 2,
        MentionSpans = [new TextSpan(0, 6), new TextSpan(25, 6)],
        Stance = stance,
        Score = stance is null ? null : score,
        Probabilities = stance is null ? null : new StanceProbabilities(0.7, 0.2, 0.1),
        Evidence = ["Moscow brokered a truce."],
        ModelVersion = stance is null ? null : "m-1",
    };

    [Fact]
    public async Task MigrateAsync_Twice_AppliesEachMigrationOnceAndAnswersHealth()
    {
        await Stores.Pieces.MigrateAsync();

        var health = await Stores.Pieces.CheckHealthAsync();

        health.Ok.ShouldBeTrue(health.Error);
        health.SchemaVersion.ShouldBeGreaterThan(0);
        health.Pieces.ShouldBe(0);
    }

    [Fact]
    public async Task AddScoredPieceAsync_RoundTrip_KeepsEveryFieldAndScore()
    {
        var added = await Stores.Pieces.AddScoredPieceAsync(CreatePiece(url: "https://example.org/a"), [Score("Russia"), Score("Turkey", stance: null)]);
        var stored = await Stores.Pieces.GetPieceAsync(added.Id);

        added.IsNew.ShouldBeTrue();
        stored.ShouldNotBeNull();
        stored.Title.ShouldBe("A title");
        stored.Authors.ShouldBe(["Jane Roe", "John Doe"]);
        stored.Outlet.ShouldBe("Example Review");
        stored.Url.ShouldBe("https://example.org/a");
        stored.Published.ShouldBe(new DateTimeOffset(2020, 10, 12, 6, 30, 0, TimeSpan.Zero));
        stored.Published!.Value.Offset.ShouldBe(TimeSpan.Zero);
        stored.Scores.Select(s => s.Target).ShouldBe(["Russia", "Turkey"]);
        var russia = stored.Scores[0].Score;
        russia.Stance.ShouldBe(Stance.Favor);
        russia.Score.ShouldBe(0.5);
        russia.Probabilities.ShouldBe(new StanceProbabilities(0.7, 0.2, 0.1));
        russia.MentionSpans.ShouldBe([new TextSpan(0, 6), new TextSpan(25, 6)]);
        russia.Evidence.ShouldBe(["Moscow brokered a truce."]);
        stored.Scores[1].Score.Stance.ShouldBeNull();
    }

    [Fact]
    public async Task AddScoredPieceAsync_SameTextOrSameUrl_IsStoredOnce()
    {
        var first = await Stores.Pieces.AddScoredPieceAsync(CreatePiece(url: "https://example.org/a"), [Score("Russia")]);
        var sameText = await Stores.Pieces.AddScoredPieceAsync(CreatePiece(), [Score("Russia")]);
        var sameUrl = await Stores.Pieces.AddScoredPieceAsync(CreatePiece("Different words about Baku entirely.", url: "https://example.org/a"), [Score("Russia")]);

        sameText.ShouldBe(new AddPieceResult(first.Id, false));
        sameUrl.ShouldBe(new AddPieceResult(first.Id, false));
        (await Stores.Pieces.CountPiecesAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task AddScoredPieceAsync_SamePieceFromManyWritersAtOnce_IsStoredOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Stores.Pieces.AddScoredPieceAsync(CreatePiece(url: "https://example.org/race"), [Score("Russia"), Score("Turkey")]))));

        results.Count(r => r.IsNew).ShouldBe(1);
        results.Select(r => r.Id).Distinct().Count().ShouldBe(1);
        (await Stores.Pieces.CountPiecesAsync()).ShouldBe(1);
        (await Stores.Pieces.GetPieceAsync(results[0].Id))!.Scores.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ListPiecesAsync_Filters_MatchNamesCaseInsensitivelyAndPageByIdWithoutCopies()
    {
        var a = await Stores.Pieces.AddScoredPieceAsync(CreatePiece("Text one about Moscow.", authors: ["Jane Roe"], outlet: "North Review"), [Score("Russia")]);
        var b = await Stores.Pieces.AddScoredPieceAsync(CreatePiece("Text two about Ankara.", authors: ["John Doe"], outlet: "South Review"), [Score("Turkey")]);
        var c = await Stores.Pieces.AddScoredPieceAsync(CreatePiece("Text three about Baku.", authors: ["Jane Roe"], outlet: "South Review", published: new DateTimeOffset(2021, 1, 5, 0, 0, 0, TimeSpan.Zero)), [Score("Azerbaijan")]);
        var copy = await Stores.Sources.AddLinkedCopyAsync(CreatePiece("Text three about Baku, syndicated.", url: "https://copy.example/3"), c.Id, null, 0);

        (await Stores.Pieces.ListPiecesAsync(new PieceQuery())).Select(p => p.Id).ShouldBe([c.Id, b.Id, a.Id]);
        (await Stores.Pieces.ListPiecesAsync(new PieceQuery { IncludeCopies = true })).Select(p => p.Id).ShouldBe([copy, c.Id, b.Id, a.Id]);
        (await Stores.Pieces.ListPiecesAsync(new PieceQuery { Authors = ["JANE ROE"] })).Select(p => p.Id).ShouldBe([c.Id, a.Id]);
        (await Stores.Pieces.ListPiecesAsync(new PieceQuery { Outlets = ["south review"] })).Select(p => p.Id).ShouldBe([c.Id, b.Id]);
        (await Stores.Pieces.ListPiecesAsync(new PieceQuery { Targets = ["turkey"] })).Select(p => p.Id).ShouldBe([b.Id]);
        (await Stores.Pieces.ListPiecesAsync(new PieceQuery { BeforeId = c.Id, Limit = 1 })).Select(p => p.Id).ShouldBe([b.Id]);
        (await Stores.Pieces.ListPiecesAsync(new PieceQuery { AfterId = a.Id })).Select(p => p.Id).ShouldBe([b.Id, c.Id]);
        (await Stores.Pieces.ListPiecesAsync(new PieceQuery { From = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero) })).Select(p => p.Id).ShouldBe([c.Id]);
        (await Stores.Pieces.ListCopiesAsync(c.Id)).Select(p => p.Id).ShouldBe([copy]);
        (await Stores.Pieces.CountPiecesAsync(includeCopies: false)).ShouldBe(3);
        (await Stores.Pieces.GetMaxPieceIdAsync()).ShouldBe(copy);
    }

    [Fact]
    public async Task ListObservationsAsync_Filter_GivesOneRowPerAuthorWithinTheDatesAndLeavesCopiesOut()
    {
        var early = await Stores.Pieces.AddScoredPieceAsync(CreatePiece("Early text.", published: new DateTimeOffset(2020, 10, 1, 23, 30, 0, TimeSpan.Zero)), [Score("Russia", score: 0.25)]);
        await Stores.Pieces.AddScoredPieceAsync(CreatePiece("Late text.", published: new DateTimeOffset(2020, 10, 3, 0, 0, 0, TimeSpan.Zero)), [Score("Russia")]);
        await Stores.Sources.AddLinkedCopyAsync(CreatePiece("Early text, again.", url: "https://copy.example/1"), early.Id, null, 0);

        var all = await Stores.Pieces.ListObservationsAsync(new StanceFilter(), 100);
        var filtered = await Stores.Pieces.ListObservationsAsync(new StanceFilter { From = new DateOnly(2020, 10, 1), To = new DateOnly(2020, 10, 1), Targets = ["RUSSIA"], Authors = ["jane roe"] }, 100);

        all.Count.ShouldBe(4);
        filtered.Count.ShouldBe(1);
        filtered[0].PieceId.ShouldBe(early.Id);
        filtered[0].Author.ShouldBe("Jane Roe");
        filtered[0].Score.ShouldBe(0.25);
        filtered[0].ModelVersion.ShouldBe("m-1");
        (await Stores.Pieces.ListObservationsAsync(new StanceFilter(), 2)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task ListObservationsSinceAsync_AfterAnId_GivesWhatWasAddedOrSaysTheReadIsWhole()
    {
        var filter = new StanceFilter { Targets = ["Russia"] };
        var first = await Stores.Pieces.AddScoredPieceAsync(CreatePiece("First text."), [Score("Russia"), Score("Turkey")]);
        var before = await Stores.Pieces.ListObservationsSinceAsync(filter, 0, 100);
        var second = await Stores.Pieces.AddScoredPieceAsync(CreatePiece("Second text.", authors: ["Ann Lee"]), [Score("Russia", Stance.Against, -0.5)]);
        await Stores.Pieces.AddScoredPieceAsync(CreatePiece("Third text, not about Russia."), [Score("Turkey")]);

        var since = await Stores.Pieces.ListObservationsSinceAsync(filter, before.MaxPieceId, 100);
        var nothingNew = await Stores.Pieces.ListObservationsSinceAsync(filter, await Stores.Pieces.GetMaxPieceIdAsync(), 100);

        before.Complete.ShouldBeTrue();
        before.Observations.Select(o => (o.PieceId, o.Author)).ShouldBe([(first.Id, "Jane Roe"), (first.Id, "John Doe")]);
        before.MaxPieceId.ShouldBe(first.Id);
        since.MaxPieceId.ShouldBeGreaterThanOrEqualTo(second.Id);
        // A store either answers with exactly what was added after the id, or says it read everything.
        var merged = since.Complete ? since.Observations : [.. before.Observations, .. since.Observations];
        merged.Select(o => (o.PieceId, o.Author, o.Target)).ShouldBe([(first.Id, "Jane Roe", "Russia"), (first.Id, "John Doe", "Russia"), (second.Id, "Ann Lee", "Russia")]);
        merged[^1].Stance.ShouldBe(Stance.Against);
        if (!nothingNew.Complete)
        {
            nothingNew.Observations.ShouldBeEmpty();
        }

        (await Stores.Pieces.ListObservationsSinceAsync(filter, 0, 2)).Observations.Count.ShouldBe(3); // the limit + 1 says "too many"
    }

    [Fact]
    public async Task GetTargetSummariesAsync_AfterSync_CountsStancesPerTarget()
    {
        await Stores.Pieces.SyncTargetsAsync([new TargetDefinition("Russia", ["Moscow"]), new TargetDefinition("Iran", ["Tehran"])]);
        await Stores.Pieces.AddScoredPieceAsync(CreatePiece("One."), [Score("Russia", Stance.Favor, 0.5)]);
        await Stores.Pieces.AddScoredPieceAsync(CreatePiece("Two."), [Score("russia", Stance.Against, -0.5), Score("Turkey", stance: null)]);

        var summaries = (await Stores.Pieces.GetTargetSummariesAsync()).ToDictionary(s => s.Target);

        summaries["Russia"].ShouldBe(new TargetSummary("Russia", 2, 2, 1, 1, 0, 0));
        summaries["Iran"].Pieces.ShouldBe(0);
        summaries["Turkey"].Scored.ShouldBe(0);
    }

    [Fact]
    public async Task ReplaceScoresAsync_NewScores_ReplaceTheOldOnes()
    {
        var added = await Stores.Pieces.AddScoredPieceAsync(CreatePiece(), [Score("Russia"), Score("Turkey")]);

        await Stores.Pieces.ReplaceScoresAsync(added.Id, [Score("Russia", Stance.Against, -0.75)]);

        var stored = await Stores.Pieces.GetPieceAsync(added.Id);
        stored!.Scores.Count.ShouldBe(1);
        stored.Scores[0].Score.Stance.ShouldBe(Stance.Against);
        stored.Scores[0].Score.Score.ShouldBe(-0.75);
    }

    [Fact]
    public async Task SettingsKeysAndDemo_RoundTrip()
    {
        await Stores.Pieces.SetSettingAsync("k", "one");
        await Stores.Pieces.SetSettingAsync("k", "two");
        await Stores.Pieces.AddApiKeyAsync("ci", "hash-1", "annotator");
        await Stores.Pieces.AddScoredPieceAsync(CreatePiece("Demo."), [Score("Russia")], isDemo: true);
        await Stores.Pieces.AddScoredPieceAsync(CreatePiece("Real."), [Score("Russia")]);

        (await Stores.Pieces.GetSettingAsync("k")).ShouldBe("two");
        (await Stores.Pieces.GetSettingAsync("missing")).ShouldBeNull();
        (await Stores.Pieces.HasApiKeysAsync()).ShouldBeTrue();
        (await Stores.Pieces.FindApiKeyRoleAsync("hash-1")).ShouldBe("annotator");
        (await Stores.Pieces.FindApiKeyRoleAsync("hash-2")).ShouldBeNull();
        (await Stores.Pieces.CountPiecesAsync(includeDemo: false)).ShouldBe(1);
        (await Stores.Pieces.DeleteDemoPiecesAsync()).ShouldBe(1);
        (await Stores.Pieces.CountPiecesAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Sources_AddUpdateRecordAndDelete_RoundTrip()
    {
        var added = await Stores.Sources.AddSourceAsync(new NewSource("https://example.org/feed", "Example", SourceKind.Rss, "Example Review", TimeSpan.FromMinutes(30), true));
        var again = await Stores.Sources.AddSourceAsync(new NewSource("https://example.org/feed", "Again", SourceKind.Auto, null, TimeSpan.FromMinutes(5), true));
        var health = new SourceHealth { LastAttempt = At, LastFailure = At, LastError = "boom", LastErrorKind = FetchErrorKind.Timeout, ConsecutiveFailures = 2, Circuit = HostCircuitState.Open };
        await Stores.Sources.RecordPollAsync(added!.Id, health, At.AddMinutes(30));
        var updated = await Stores.Sources.UpdateSourceAsync(added.Id, new SourcePatch(Name: "Renamed", Enabled: false));

        again.ShouldBeNull();
        updated!.Name.ShouldBe("Renamed");
        updated.Enabled.ShouldBeFalse();
        updated.Kind.ShouldBe(SourceKind.Rss);
        updated.PollInterval.ShouldBe(TimeSpan.FromMinutes(30));
        updated.NextPollUtc.ShouldBe(At.AddMinutes(30));
        updated.Health.ShouldBe(health);
        (await Stores.Sources.FindSourceByUrlAsync("https://example.org/feed"))!.Id.ShouldBe(added.Id);
        (await Stores.Sources.ListDueSourcesAsync(At.AddHours(1), 10)).ShouldBeEmpty();
        (await Stores.Sources.DeleteSourceAsync(added.Id)).ShouldBeTrue();
        (await Stores.Sources.GetSourceAsync(added.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task FetchLogAndValidators_RoundTrip()
    {
        var source = await Stores.Sources.AddSourceAsync(new NewSource("https://example.org/feed", "Example", SourceKind.Auto, null, TimeSpan.FromMinutes(30), true));
        var id = source!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Stores.Sources.AddFetchLogAsync(new FetchLogEntry { Url = "https://example.org/feed", SourceId = id, StartedAt = At, Status = System.Net.HttpStatusCode.OK, Attempts = 1 });
        await Stores.Sources.AddFetchLogAsync(new FetchLogEntry { Url = "https://example.org/a", SourceId = id, StartedAt = At.AddSeconds(1), ErrorKind = FetchErrorKind.Timeout, Error = "slow", Attempts = 3 });
        await Stores.Sources.AddFetchLogAsync(new FetchLogEntry { Url = "https://elsewhere.example/", SourceId = "999999", StartedAt = At });
        await Stores.Sources.SetValidatorsAsync("https://example.org/feed", new HttpValidators("\"v1\"", At));

        var log = await Stores.Sources.ListFetchLogAsync(source.Id, 10);

        log.Select(l => l.Url).ShouldBe(["https://example.org/a", "https://example.org/feed"]);
        log[0].ErrorKind.ShouldBe(FetchErrorKind.Timeout);
        log[0].Attempts.ShouldBe(3);
        log[1].Status.ShouldBe(200);
        (await Stores.Sources.GetValidatorsAsync("https://example.org/feed")).ShouldBe(new HttpValidators("\"v1\"", At));
        await Stores.Sources.SetValidatorsAsync("https://example.org/feed", null);
        (await Stores.Sources.GetValidatorsAsync("https://example.org/feed")).ShouldBeNull();
    }

    [Fact]
    public async Task FindContentAsync_ExactAndNearText_FindTheStoredPiece()
    {
        const ulong hash = 0x0123_4567_89AB_CDEF;
        var piece = CreatePiece(url: "https://example.org/original");
        var added = await Stores.Pieces.AddScoredPieceAsync(piece, [Score("Russia")]);
        await Stores.Sources.SetPieceFingerprintAsync(added.Id, null, hash);

        (await Stores.Sources.FindContentAsync(piece.ContentHash, hash)).ShouldBe((added.Id, true));
        (await Stores.Sources.FindContentAsync("other-hash", hash ^ 0b101)).ShouldBe((added.Id, false));
        (await Stores.Sources.FindContentAsync("other-hash", ~hash)).ShouldBeNull();
        (await Stores.Sources.FindPieceIdByUrlAsync("https://example.org/original")).ShouldBe(added.Id);
    }

    [Fact]
    public async Task LeaseDueAsync_TwoPollersAtOnce_EachSourceGoesToOneAndComesBackWhenTheLeaseRunsOut()
    {
        for (var i = 0; i < 10; i++)
        {
            var source = await Stores.Sources.AddSourceAsync(new NewSource($"https://host{i}.example/feed", $"S{i}", SourceKind.Auto, null, TimeSpan.FromMinutes(30), true));
            await Stores.Sources.ScheduleAsync(source!.Id, At.AddMinutes(-1));
        }

        var leases = await Task.WhenAll(
            Task.Run(() => Stores.Leases.LeaseDueAsync("a", At, TimeSpan.FromMinutes(2), 6)),
            Task.Run(() => Stores.Leases.LeaseDueAsync("b", At, TimeSpan.FromMinutes(2), 6)));
        var ids = leases.SelectMany(l => l).Select(l => l.Source.Id).ToList();
        var again = await Stores.Leases.LeaseDueAsync("c", At.AddMinutes(1), TimeSpan.FromMinutes(2), 10);
        var first = leases.SelectMany(l => l).First().Source;
        await Stores.Sources.RecordPollAsync(first.Id, first.Health.Succeeded(At, HostCircuitState.Closed), At.AddMinutes(30));
        var afterExpiry = await Stores.Leases.LeaseDueAsync("c", At.AddMinutes(3), TimeSpan.FromMinutes(2), 10);

        ids.Count.ShouldBe(10);
        ids.Distinct().Count().ShouldBe(10);
        again.ShouldBeEmpty();
        afterExpiry.Select(l => l.Source.Id).Order().ShouldBe(ids.Where(id => id != first.Id).Order());
    }

    [Fact]
    public async Task RenewAsync_HeldLease_KeepsTheSourceFromOthers()
    {
        var source = await Stores.Sources.AddSourceAsync(new NewSource("https://example.org/feed", "S", SourceKind.Auto, null, TimeSpan.FromMinutes(30), true));
        await Stores.Sources.ScheduleAsync(source!.Id, At.AddMinutes(-1));
        (await Stores.Leases.LeaseDueAsync("a", At, TimeSpan.FromMinutes(2), 1)).Count.ShouldBe(1);

        await Stores.Leases.RenewAsync("a", [source.Id], At.AddMinutes(5));

        (await Stores.Leases.LeaseDueAsync("b", At.AddMinutes(3), TimeSpan.FromMinutes(2), 1)).ShouldBeEmpty();
        (await Stores.Leases.LeaseDueAsync("b", At.AddMinutes(6), TimeSpan.FromMinutes(2), 1)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Models_AddPromoteAndRollBack_FollowThePromotionHistory()
    {
        await Stores.Models.AddAsync("v1", [1, 2, 3], "h1", "{}", 10, "test");
        await Stores.Models.AddAsync("v2", [4, 5], "h2", null, 20, "test");
        await Should.ThrowAsync<InvalidOperationException>(() => Stores.Models.AddAsync("v1", [9], null, null, null, null));

        await Stores.Models.PromoteAsync("v1", "first");
        var promoted = await Stores.Models.PromoteAsync("v2", "second");
        var rolledBack = await Stores.Models.RollbackAsync();

        promoted.IsActive.ShouldBeTrue();
        promoted.SizeBytes.ShouldBe(2);
        rolledBack!.Version.ShouldBe("v1");
        (await Stores.Models.GetActiveAsync())!.Version.ShouldBe("v1");
        (await Stores.Models.GetBytesAsync("v1")).ShouldBe(new byte[] { 1, 2, 3 });
        (await Stores.Models.ListAsync()).Select(m => m.Version).ShouldBe(["v2", "v1"]);
        (await Stores.Models.RollbackAsync()).ShouldBeNull();
        await Should.ThrowAsync<KeyNotFoundException>(() => Stores.Models.PromoteAsync("v9", "missing"));
    }

    [Fact]
    public async Task AcquireAsync_SameNameTwice_SecondWaitsForTheFirst()
    {
        var first = await Stores.Locks.AcquireAsync("contract");
        var second = Stores.Locks.AcquireAsync("contract");
        var other = await Stores.Locks.AcquireAsync("another");

        second.IsCompleted.ShouldBeFalse();
        await first.DisposeAsync();
        await using (await second.WaitAsync(TimeSpan.FromSeconds(30)))
        {
        }

        await other.DisposeAsync();
    }
}

/// <summary>The store contract on the embedded SQLite file.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(StoreSet.Sqlite());
}

/// <summary>The store contract on PostgreSQL (the cluster tests/run starts).</summary>
public sealed class PostgresStoreContractTests : StoreContractTests
{
    protected override Task<StoreSet> CreateStoresAsync() => StoreSet.PostgresAsync();
}
