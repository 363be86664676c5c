using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Dashboard.Storage.Labels;
using StanceBoard.Ingestion.Dedupe;

namespace StanceBoard.Scale.Tests.Storage;

/// <summary>The contract of the labelling stores: labels with history, the label queue, accounts and training runs.</summary>
public abstract partial class StoreContractTests
{
    private static readonly LabelShares OneAnnotatorNoHoldout = new(0, 0);

    private static TargetScore Scored(string target, double favor, double against) => new()
    {
        Target = target,
        Mentions = 1,
        MentionSpans = [new TextSpan(0, 6)],
        Stance = Stance.Favor,
        Score = favor - against,
        Probabilities = new StanceProbabilities(favor, against, 1 - favor - against),
        Evidence = [],
        ModelVersion = "m-1",
    };

    private async Task<long> AddPieceAsync(string text, bool isDemo, params TargetScore[] scores) =>
        (await Stores.Pieces.AddScoredPieceAsync(CreatePiece(text), scores, isDemo)).Id;

    private static LabelSaveRequest Save(long pieceId, string text, string annotator, params (string Target, Stance Stance, long? BaseId)[] labels) => new(
        new LabelSubject(pieceId, text, ContentHash.Compute(text), "A title", "Jane Roe", "Example Review", "2020-10-12"),
        annotator,
        LabelOrigins.Queue,
        Blind: false,
        labels.Select(l => new LabelWrite(l.Target, l.Stance, [1], "a note", CheckBase: l.BaseId is not null, BaseId: l.BaseId)).ToArray());

    [Fact]
    public async Task LabelSaveAsync_NewStance_KeepsTheOldLabelAsHistory()
    {
        const string text = "Moscow brokered a truce.";
        var piece = await AddPieceAsync(text, false, Scored("Russia", 0.6, 0.3));

        var first = await Stores.Labels.SaveAsync(Save(piece, text, "alice", ("Russia", Stance.Favor, null)), OneAnnotatorNoHoldout);
        var changed = await Stores.Labels.SaveAsync(Save(piece, text, "ALICE", ("russia", Stance.Against, null)), OneAnnotatorNoHoldout);
        var again = await Stores.Labels.SaveAsync(Save(piece, text, "alice", ("Russia", Stance.Against, null)), OneAnnotatorNoHoldout);

        changed.UnitId.ShouldBe(first.UnitId);
        changed.Saved.Single().Replaces.ShouldBe(first.Saved.Single().Id);
        again.Saved.ShouldBeEmpty();
        again.Unchanged.Single().Id.ShouldBe(changed.Saved.Single().Id);
        var current = (await Stores.Labels.ListForPieceAsync(piece, history: false)).ShouldHaveSingleItem();
        current.Stance.ShouldBe(Stance.Against);
        current.Evidence.ShouldBe([1]);
        current.Note.ShouldBe("a note");
        current.PieceId.ShouldBe(piece);
        var history = await Stores.Labels.ListForPieceAsync(piece, history: true);
        history.Select(l => (l.Stance, l.IsCurrent)).ShouldBe([(Stance.Favor, false), (Stance.Against, true)]);
        var all = new List<LabelRow>();
        await foreach (var row in Stores.Labels.ReadAllAsync(history: true))
        {
            all.Add(row);
        }

        all.Count.ShouldBe(2);
        all.ShouldAllBe(r => r.Text == text && r.Outlet == "Example Review" && r.Split == LabelSplits.Train);
        var counts = await Stores.Labels.CountAsync();
        (counts.Labels, counts.Units, counts.Revisions).ShouldBe((1L, 1L, 1L));
        counts.PerTarget["RUSSIA"].ShouldBe(1);
        (await Stores.Labels.ListForUnitAsync(first.UnitId))!.ShouldHaveSingleItem().Label.Stance.ShouldBe(Stance.Against);
        (await Stores.Labels.ListForUnitAsync(first.UnitId + 1000)).ShouldBeNull();
    }

    [Fact]
    public async Task LabelSaveAsync_BaseChangedMeanwhile_ReportsTheConflictAndSavesNothing()
    {
        const string text = "Ankara objected.";
        var piece = await AddPieceAsync(text, false, Scored("Turkey", 0.6, 0.3));
        var first = await Stores.Labels.SaveAsync(Save(piece, text, "alice", ("Turkey", Stance.Favor, null)), OneAnnotatorNoHoldout);
        var second = await Stores.Labels.SaveAsync(Save(piece, text, "alice", ("Turkey", Stance.Against, first.Saved[0].Id)), OneAnnotatorNoHoldout);

        var stale = await Stores.Labels.SaveAsync(Save(piece, text, "alice", ("Turkey", Stance.None, first.Saved[0].Id)), OneAnnotatorNoHoldout);

        stale.HasConflicts.ShouldBeTrue();
        stale.Conflicts.Single().Current!.Id.ShouldBe(second.Saved[0].Id);
        stale.Saved.ShouldBeEmpty();
        (await Stores.Labels.ListForPieceAsync(piece, history: false)).Single().Stance.ShouldBe(Stance.Against);
        (await Stores.Labels.ListForPieceAsync(piece, history: true)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task LabelSaveAsync_ManyAnnotatorsAtOnce_KeepsEveryLabelOnOneUnit()
    {
        const string text = "Baku and Moscow talked.";
        var piece = await AddPieceAsync(text, false, Scored("Russia", 0.5, 0.4));
        var annotators = Enumerable.Range(1, 6).Select(i => $"annotator{i}").ToArray();

        var results = await Task.WhenAll(annotators.Select(a => Task.Run(() =>
            Stores.Labels.SaveAsync(Save(piece, text, a, ("Russia", Stance.Against, null)), new LabelShares(0, LabelShares.Scale)))));

        results.ShouldAllBe(r => !r.HasConflicts && r.Saved.Count == 1);
        results.Select(r => r.UnitId).Distinct().Count().ShouldBe(1);
        var counts = await Stores.Labels.CountAsync();
        counts.Labels.ShouldBe(6);
        counts.PerAnnotator.Keys.Order().ShouldBe(annotators);
    }

    [Fact]
    public async Task ListUncertainAsync_OpenPieces_SmallestMarginFirstWithoutLabelledSkippedOrDemoPieces()
    {
        var a = await AddPieceAsync("Piece a about Moscow.", false, Scored("Russia", 0.40, 0.35));
        var b = await AddPieceAsync("Piece b about Moscow.", false, Scored("Russia", 0.60, 0.20));
        var c = await AddPieceAsync("Piece c about Moscow.", false, Scored("Russia", 0.50, 0.30), Scored("Turkey", 0.9, 0.05));
        await AddPieceAsync("A demo piece about Moscow.", true, Scored("Russia", 0.34, 0.33));

        var before = await Stores.Labels.ListUncertainAsync("russia", "bob", OneAnnotatorNoHoldout, 10);
        await Stores.Labels.SkipAsync(c, "Bob");
        await Stores.Labels.SaveAsync(Save(a, "Piece a about Moscow.", "alice", ("Russia", Stance.Favor, null)), OneAnnotatorNoHoldout);
        await Stores.Pieces.ReplaceScoresAsync(b, [Scored("Russia", 0.34, 0.33)]);

        before.Select(q => q.PieceId).ShouldBe([a, c, b]);
        before[0].Margin.ShouldBe(0.05, 1e-9);
        before[2].Margin.ShouldBe(0.40, 1e-9);
        (await Stores.Labels.ListUncertainAsync("Russia", "bob", OneAnnotatorNoHoldout, 10)).Select(q => q.PieceId).ShouldBe([b]);
        var carol = await Stores.Labels.ListUncertainAsync("Russia", "carol", OneAnnotatorNoHoldout, 10);
        carol.Select(q => q.PieceId).ShouldBe([b, c]);
        carol[0].Margin.ShouldBe(0.01, 1e-9);
        (await Stores.Labels.CountOpenAsync()).ShouldBe(2);
        (await Stores.Labels.ListRecentAsync("BOB", 5)).ShouldBe([c]);
        (await Stores.Labels.ListRecentAsync("alice", 5)).ShouldBe([a]);
        (await Stores.Labels.CountMineAsync("alice")).ShouldBe((1, 0));
        var facets = await Stores.Labels.GetFacetsAsync([a, b]);
        facets[a].Outlet.ShouldBe("Example Review");
        facets[a].Authors.ShouldBe(["Jane Roe", "John Doe"]);
    }

    [Fact]
    public async Task ListEvaluationAsync_EveryPieceInTheSlice_OffersEachOnceAndHoldsItsLabelsOut()
    {
        var everythingHeldOut = new LabelShares(LabelShares.Scale, 0);
        var a = await AddPieceAsync("Piece a about Moscow and Ankara.", false, Scored("Russia", 0.5, 0.3), Scored("Turkey", 0.5, 0.3));
        var b = await AddPieceAsync("Piece b about Moscow and Ankara.", false, Scored("Russia", 0.5, 0.3), Scored("Turkey", 0.5, 0.3));

        var slice = await Stores.Labels.ListEvaluationAsync("bob", everythingHeldOut, 10);
        await Stores.Labels.SaveAsync(Save(a, "Piece a about Moscow and Ankara.", "bob", ("Russia", Stance.Favor, null), ("Turkey", Stance.None, null)), everythingHeldOut);

        slice.Order().ShouldBe([a, b]);
        (await Stores.Labels.ListUncertainAsync("Russia", "bob", everythingHeldOut, 10)).ShouldBeEmpty();
        (await Stores.Labels.ListEvaluationAsync("bob", everythingHeldOut, 10)).ShouldBe([b]);
        (await Stores.Labels.CountMineAsync("bob")).ShouldBe((1, 1));
        (await Stores.Labels.CountAsync()).HoldoutUnits.ShouldBe(1);
        await foreach (var row in Stores.Labels.ReadAllAsync(history: false))
        {
            row.Split.ShouldBe(LabelSplits.Holdout);
        }
    }

    [Fact]
    public async Task ListAwaitingSecondAsync_DoubleShare_OffersAPieceToOthersUntilTwoHaveLabelledIt()
    {
        var twoEach = new LabelShares(0, LabelShares.Scale);
        const string text = "Piece about Moscow for two.";
        var piece = await AddPieceAsync(text, false, Scored("Russia", 0.5, 0.3));

        await Stores.Labels.SaveAsync(Save(piece, text, "alice", ("Russia", Stance.Favor, null)), twoEach);
        var forBob = await Stores.Labels.ListAwaitingSecondAsync("bob", twoEach, 10);
        var forAlice = await Stores.Labels.ListAwaitingSecondAsync("Alice", twoEach, 10);
        await Stores.Labels.SaveAsync(Save(piece, text, "bob", ("Russia", Stance.Against, null)), twoEach);

        forBob.ShouldBe([piece]);
        forAlice.ShouldBeEmpty();
        (await Stores.Labels.ListAwaitingSecondAsync("carol", twoEach, 10)).ShouldBeEmpty();
        (await Stores.Labels.ListUncertainAsync("Russia", "carol", twoEach, 10)).ShouldBeEmpty();
        (await Stores.Labels.CountOpenAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task UserAddAsync_NameInAnotherCase_IsRefusedAndFoundIgnoringCase()
    {
        var alice = await Stores.Users.AddAsync("Alice", "admin", "hash-1");
        var again = await Stores.Users.AddAsync("ALICE", "annotator", "hash-2");

        alice.ShouldNotBeNull();
        again.ShouldBeNull();
        (await Stores.Users.FindByNameAsync(" alice ")).ShouldNotBeNull().Id.ShouldBe(alice.Id);
        (await Stores.Users.FindByIdAsync(alice.Id))!.PasswordHash.ShouldBe("hash-1");
        (await Stores.Users.ListAsync()).ShouldHaveSingleItem().Role.ShouldBe("admin");
        (await Stores.Users.CountActiveAdminsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task UserRecordFailureAsync_MaxAttemptsReached_LocksAndRestartsTheCount()
    {
        var bob = (await Stores.Users.AddAsync("bob", "annotator", "hash"))!;
        var until = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var once = await Stores.Users.RecordFailureAsync(bob.Id, 3, until);
        await Stores.Users.RecordFailureAsync(bob.Id, 3, until);
        var locked = await Stores.Users.RecordFailureAsync(bob.Id, 3, until);
        await Stores.Users.RecordSuccessAsync(bob.Id, until);
        var signedIn = await Stores.Users.FindByIdAsync(bob.Id);

        once!.FailedAttempts.ShouldBe(1);
        once.LockedUntilUtc.ShouldBeNull();
        locked!.FailedAttempts.ShouldBe(0);
        locked.LockedUntilUtc.ShouldBe(until);
        signedIn!.LockedUntilUtc.ShouldBeNull();
        signedIn.LastSignInUtc.ShouldBe(until);
    }

    [Fact]
    public async Task UserUpdateAsync_RoleStatusOrPassword_ChangesTheSecurityStamp()
    {
        var carol = (await Stores.Users.AddAsync("carol", "annotator", "hash"))!;

        (await Stores.Users.UpdateAsync(carol.Id, "admin", null)).ShouldBeTrue();
        var promoted = (await Stores.Users.FindByIdAsync(carol.Id))!;
        (await Stores.Users.UpdateAsync(carol.Id, null, true)).ShouldBeTrue();
        var disabled = (await Stores.Users.FindByIdAsync(carol.Id))!;
        (await Stores.Users.SetPasswordHashAsync(carol.Id, "new-hash", endSessions: false)).ShouldBeTrue();
        var samePassword = (await Stores.Users.FindByIdAsync(carol.Id))!;
        (await Stores.Users.SetPasswordHashAsync(carol.Id, "newer-hash", endSessions: true)).ShouldBeTrue();
        var reset = (await Stores.Users.FindByIdAsync(carol.Id))!;

        promoted.Role.ShouldBe("admin");
        promoted.SecurityStamp.ShouldNotBe(carol.SecurityStamp);
        disabled.Disabled.ShouldBeTrue();
        (await Stores.Users.CountActiveAdminsAsync()).ShouldBe(0);
        samePassword.SecurityStamp.ShouldBe(disabled.SecurityStamp);
        reset.PasswordHash.ShouldBe("newer-hash");
        reset.SecurityStamp.ShouldNotBe(samePassword.SecurityStamp);
        (await Stores.Users.UpdateAsync(carol.Id + 1000, "admin", null)).ShouldBeFalse();
    }

    [Fact]
    public async Task TrainingRunDecideAsync_FinishedRun_IsDecidedOnceAndRunningOnesAreAbandoned()
    {
        var finished = await Stores.TrainingRuns.StartAsync("admin", "m-1");
        var running = await Stores.TrainingRuns.StartAsync("admin", "m-1");
        await Stores.TrainingRuns.UpdateAsync(finished, "finished", "m-2", """{"fAvg":0.5}""", null, finished: true);

        var promoted = await Stores.TrainingRuns.DecideAsync(finished, "promoted", "admin");
        var twice = await Stores.TrainingRuns.DecideAsync(finished, "discarded", "admin");
        var notFinished = await Stores.TrainingRuns.DecideAsync(running, "promoted", "admin");
        var abandoned = await Stores.TrainingRuns.AbandonRunningAsync();

        (promoted, twice, notFinished, abandoned).ShouldBe((true, false, false, 1));
        var record = (await Stores.TrainingRuns.GetAsync(finished))!;
        (record.State, record.CandidateVersion, record.Decision, record.ResultJson).ShouldBe(("finished", "m-2", "promoted", """{"fAvg":0.5}"""));
        record.FinishedUtc.ShouldNotBeNull();
        (await Stores.TrainingRuns.ListAsync(10)).Select(r => (r.Id, r.State)).ShouldBe([(running, "failed"), (finished, "finished")]);
    }
}
