using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Analysis.Targets;
using StanceBoard.Dashboard.Storage.Labels;
using StanceBoard.Dashboard.Storage.Postgres;
using StanceBoard.Ingestion;
using StanceBoard.Ingestion.Dedupe;

namespace StanceBoard.Scale.Tests.Storage;

/// <summary><c>store copy</c>: an SQLite install with accounts, labels and training runs moved to PostgreSQL.</summary>
public sealed class StoreCopyTests
{
    private static readonly LabelShares Shares = new(0, 0);

    [Fact]
    public async Task CopyAsync_InstallWithLabels_KeepsAccountsLabelHistoryQueueAndRuns()
    {
        await using var sqlite = StoreSet.Sqlite(out var path);
        await sqlite.Pieces.MigrateAsync();
        const string text = "Moscow brokered a truce. Ankara objected.";
        var labelled = (await sqlite.Pieces.AddScoredPieceAsync(Piece(text), [Score("Russia", 0.5, 0.3)])).Id;
        var open = (await sqlite.Pieces.AddScoredPieceAsync(Piece("Baku and Moscow talked."), [Score("Russia", 0.4, 0.35)])).Id;
        var subject = new LabelSubject(labelled, text, ContentHash.Compute(text), "A title", "Jane Roe", "Example Review", null);
        await sqlite.Labels.SaveAsync(new LabelSaveRequest(subject, "alice", LabelOrigins.Queue, false, [new LabelWrite("Russia", Stance.Favor, [0], null)]), Shares);
        await sqlite.Labels.SaveAsync(new LabelSaveRequest(subject, "alice", LabelOrigins.Piece, true, [new LabelWrite("Russia", Stance.Against, [], "changed")]), Shares);
        await sqlite.Labels.SkipAsync(open, "bob");
        await sqlite.Users.AddAsync("alice", "admin", "hash");
        var run = await sqlite.TrainingRuns.StartAsync("alice", "m-1");
        await using var postgres = await StoreSet.PostgresAsync();
        await postgres.Pieces.MigrateAsync();

        var counts = await new StoreCopy(path, postgres.Get<PostgresDatabase>()).CopyAsync(null, CancellationToken.None);

        (counts["labels"], counts["label_units"], counts["users"], counts["training_runs"], counts["label_skips"]).ShouldBe((2L, 1L, 1L, 1L, 1L));
        var history = await postgres.Labels.ListForPieceAsync(labelled, history: true);
        history.Select(l => (l.Stance, l.IsCurrent, l.Blind)).ShouldBe([(Stance.Favor, false, false), (Stance.Against, true, true)]);
        history[1].Replaces.ShouldBe(history[0].Id);
        history[1].Note.ShouldBe("changed");
        (await postgres.Users.FindByNameAsync("ALICE"))!.Role.ShouldBe("admin");
        (await postgres.TrainingRuns.GetAsync(run))!.State.ShouldBe("running");
        (await postgres.Labels.ListUncertainAsync("Russia", "carol", Shares, 10)).Select(q => q.PieceId).ShouldBe([open]);
        (await postgres.Labels.ListUncertainAsync("Russia", "bob", Shares, 10)).ShouldBeEmpty();
        var next = await postgres.Labels.SaveAsync(new LabelSaveRequest(subject, "carol", LabelOrigins.Queue, false, [new LabelWrite("Russia", Stance.None, [], null)]), Shares);
        next.Saved.Single().Id.ShouldBeGreaterThan(history[1].Id);
    }

    private static Piece Piece(string text) => new()
    {
        Title = "A title",
        Text = text,
        Authors = ["Jane Roe"],
        Outlet = "Example Review",
        Published = new DateTimeOffset(2020, 10, 12, 9, 30, 0, TimeSpan.Zero),
        Origin = "test",
    };

    private static TargetScore Score(string target, double favor, double against) => new()
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
}
