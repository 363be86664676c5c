using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion;

namespace StanceBoard.Scale.Tests.Storage;

/// <summary>
/// What every re-scoring chunk store must do, whatever the database: one suite, run against SQLite
/// (<see cref="SqliteRescoreChunksContractTests"/>) and PostgreSQL (<see cref="PostgresRescoreChunksContractTests"/>).
/// </summary>
public abstract class RescoreChunksContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected StoreSet Stores { get; private set; } = null!;

    protected IRescoreChunks Chunks => Stores.Rescore;

    protected abstract Task<StoreSet> CreateStoresAsync();

    public async Task InitializeAsync()
    {
        Stores = await CreateStoresAsync();
        await Stores.Pieces.MigrateAsync();
    }

    public async Task DisposeAsync() => await Stores.DisposeAsync();

    protected async Task<long[]> AddPiecesAsync(int count, int? demoIndex = null)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            var piece = new Piece
            {
                Title = $"Piece {i}",
                Text = $"Moscow brokered truce number {i}. Ankara objected to clause {i * 7 + 3}.",
                Authors = ["Jane Roe"],
                Outlet = "Example Review",
                Origin = "test",
            };
            ids[i] = (await Stores.Pieces.AddScoredPieceAsync(piece, [Score("m-1")], isDemo: i == demoIndex)).Id;
        }

        return ids;
    }

    protected static TargetScore Score(string version) => new()
    {
        Target = "Russia",
        Mentions = 1,
        MentionSpans = [new TextSpan(0, 6)],
        Stance = Stance.Against,
        Score = -0.4,
        Probabilities = new StanceProbabilities(0.1, 0.6, 0.3),
        Evidence = ["Moscow brokered a truce."],
        ModelVersion = version,
    };

    protected static RescoredPiece[] Rescored(RescoreChunk chunk, IEnumerable<long> ids, string version) =>
        [.. ids.Where(id => id >= chunk.FirstId && id <= chunk.LastId).Select(id => new RescoredPiece(id, [Score(version)]))];

    [Fact]
    public async Task LeaseAsync_UntilNone_HandsOutEveryPieceOnceInDisjointChunks()
    {
        var ids = await AddPiecesAsync(23);
        var run = await Chunks.StartAsync("m-2", chunkSize: 5);

        var chunks = new List<RescoreChunk>();
        while (await Chunks.LeaseAsync(run, "a", At, Lease) is { } chunk)
        {
            chunks.Add(chunk);
        }

        chunks.Count.ShouldBe(5);
        chunks.Sum(c => c.Pieces).ShouldBe(23);
        chunks.ShouldAllBe(c => c.Pieces <= 5 && c.FirstId <= c.LastId && !c.IsTakeover);
        chunks.SelectMany(c => ids.Where(id => id >= c.FirstId && id <= c.LastId)).Order().ShouldBe(ids.Order());
    }

    [Fact]
    public async Task CompleteAsync_EveryChunk_WritesTheScoresAndFinishesTheRun()
    {
        var ids = await AddPiecesAsync(12);
        var run = await Chunks.StartAsync("m-2", chunkSize: 5);

        while (await Chunks.LeaseAsync(run, "a", At, Lease) is { } chunk)
        {
            (await Chunks.CompleteAsync(run, chunk, "a", Rescored(chunk, ids, "m-2"), At)).ShouldBeTrue();
        }

        var tally = await Chunks.TallyAsync(run);
        tally.ShouldBe(new RescoreTally(12, 12, 0));
        foreach (var id in ids)
        {
            var piece = await Stores.Pieces.GetPieceAsync(id);
            piece!.Scores.ShouldHaveSingleItem().Score.ModelVersion.ShouldBe("m-2");
        }
    }

    [Fact]
    public async Task TallyAsync_MidRun_CountsFinishedChunksOnlyAndOpenOnes()
    {
        var ids = await AddPiecesAsync(10);
        var run = await Chunks.StartAsync("m-2", chunkSize: 4);
        var first = (await Chunks.LeaseAsync(run, "a", At, Lease))!;
        await Chunks.CompleteAsync(run, first, "a", Rescored(first, ids, "m-2"), At);
        await Chunks.LeaseAsync(run, "a", At, Lease);

        var tally = await Chunks.TallyAsync(run);

        tally.Done.ShouldBe(4);
        tally.Total.ShouldBe(10);
        tally.Open.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task CompleteAsync_PieceDeletedMeanwhile_SkipsItAndFinishesTheChunk()
    {
        var ids = await AddPiecesAsync(3, demoIndex: 1);
        var run = await Chunks.StartAsync("m-2", chunkSize: 10);
        var chunk = (await Chunks.LeaseAsync(run, "a", At, Lease))!;
        (await Stores.Pieces.DeleteDemoPiecesAsync()).ShouldBe(1);

        var completed = await Chunks.CompleteAsync(run, chunk, "a", Rescored(chunk, ids, "m-2"), At);

        completed.ShouldBeTrue();
        (await Stores.Pieces.GetPieceAsync(ids[0]))!.Scores.ShouldHaveSingleItem().Score.ModelVersion.ShouldBe("m-2");
        (await Stores.Pieces.GetPieceAsync(ids[1])).ShouldBeNull();
        (await Chunks.TallyAsync(run)).Open.ShouldBe(0);
    }

    [Fact]
    public async Task StartAsync_EmptyStore_RunHasNothingToDo()
    {
        var run = await Chunks.StartAsync("m-2", chunkSize: 10);

        (await Chunks.LeaseAsync(run, "a", At, Lease)).ShouldBeNull();
        (await Chunks.TallyAsync(run)).ShouldBe(new RescoreTally(0, 0, 0));
    }
}

/// <summary>The chunk contract on the embedded SQLite file (one process: chunks are pages in order).</summary>
public sealed class SqliteRescoreChunksContractTests : RescoreChunksContractTests
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(StoreSet.Sqlite());
}

/// <summary>The chunk contract on PostgreSQL, and what only a shared database does: leases between processes, takeovers, one plan per promotion.</summary>
public sealed class PostgresRescoreChunksContractTests : RescoreChunksContractTests
{
    protected override Task<StoreSet> CreateStoresAsync() => StoreSet.PostgresAsync();

    [Fact]
    public async Task LeaseAsync_TwoOwnersAtOnce_GetDisjointChunks()
    {
        await AddPiecesAsync(40);
        var run = await Chunks.StartAsync("m-2", chunkSize: 2);

        async Task<List<RescoreChunk>> DrainAsync(string owner)
        {
            var mine = new List<RescoreChunk>();
            while (await Chunks.LeaseAsync(run, owner, At, Lease) is { } chunk)
            {
                mine.Add(chunk);
            }

            return mine;
        }

        var both = await Task.WhenAll(Task.Run(() => DrainAsync("a")), Task.Run(() => DrainAsync("b")));

        var all = both.SelectMany(c => c).ToArray();
        all.Length.ShouldBe(20);
        all.Select(c => c.FirstId).Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public async Task LeaseAsync_LeaseRanOut_AnotherOwnerTakesTheChunkOverAndTheFirstCannotComplete()
    {
        var ids = await AddPiecesAsync(4);
        var run = await Chunks.StartAsync("m-2", chunkSize: 10);
        var held = (await Chunks.LeaseAsync(run, "dead", At, Lease))!;

        (await Chunks.LeaseAsync(run, "b", At.AddMinutes(1), Lease)).ShouldBeNull();
        var takenOver = await Chunks.LeaseAsync(run, "b", At.AddMinutes(3), Lease);

        takenOver.ShouldNotBeNull();
        takenOver.FirstId.ShouldBe(held.FirstId);
        takenOver.PreviousOwner.ShouldBe("dead");
        (await Chunks.CompleteAsync(run, held, "dead", Rescored(held, ids, "stale"), At.AddMinutes(4))).ShouldBeFalse();
        (await Chunks.CompleteAsync(run, takenOver, "b", Rescored(takenOver, ids, "m-2"), At.AddMinutes(4))).ShouldBeTrue();
        foreach (var id in ids)
        {
            (await Stores.Pieces.GetPieceAsync(id))!.Scores.ShouldHaveSingleItem().Score.ModelVersion.ShouldBe("m-2");
        }
    }

    [Fact]
    public async Task ReleaseAsync_Unfinished_LetsAnotherOwnerLeaseItAtOnceAsNoTakeover()
    {
        await AddPiecesAsync(3);
        var run = await Chunks.StartAsync("m-2", chunkSize: 10);
        var chunk = (await Chunks.LeaseAsync(run, "a", At, Lease))!;

        await Chunks.ReleaseAsync(run, chunk, "a");
        var again = await Chunks.LeaseAsync(run, "b", At, Lease);

        again.ShouldNotBeNull();
        again.FirstId.ShouldBe(chunk.FirstId);
        again.IsTakeover.ShouldBeFalse();
    }

    [Fact]
    public async Task CompleteAsync_AfterANewerPromotionStartedItsRun_WritesNothing()
    {
        var ids = await AddPiecesAsync(3);
        await Stores.Models.AddAsync("m-2", [1, 2, 3], null, null, null, "test");
        await Stores.Models.PromoteAsync("m-2", "promoted");
        var old = await Chunks.StartAsync("m-2", chunkSize: 10);
        var chunk = (await Chunks.LeaseAsync(old, "slow", At, Lease))!;
        await Stores.Models.AddAsync("m-3", [4, 5, 6], null, null, null, "test");
        await Stores.Models.PromoteAsync("m-3", "promoted");
        await Chunks.StartAsync("m-3", chunkSize: 10);

        var completed = await Chunks.CompleteAsync(old, chunk, "slow", Rescored(chunk, ids, "m-2"), At);

        completed.ShouldBeFalse();
        (await Stores.Pieces.GetPieceAsync(ids[0]))!.Scores.ShouldHaveSingleItem().Score.ModelVersion.ShouldBe("m-1");
    }

    [Fact]
    public async Task StartAsync_SamePromotionTwice_SharesOnePlanAndANewPromotionPlansAgain()
    {
        await AddPiecesAsync(6);
        await Stores.Models.AddAsync("m-2", [1, 2, 3], null, null, null, "test");
        await Stores.Models.PromoteAsync("m-2", "promoted");

        var first = await Chunks.StartAsync("m-2", chunkSize: 4);
        var joined = await Chunks.StartAsync("m-2", chunkSize: 3);
        var joinedTally = await Chunks.TallyAsync(joined);
        await Stores.Models.AddAsync("m-3", [4, 5, 6], null, null, null, "test");
        await Stores.Models.PromoteAsync("m-3", "promoted");
        await Stores.Models.PromoteAsync("m-2", "promoted");
        var again = await Chunks.StartAsync("m-2", chunkSize: 4);

        joined.ShouldBe(first);
        joinedTally.ShouldBe(new RescoreTally(0, 6, 2));
        again.Key.ShouldNotBe(first.Key);
        (await Chunks.TallyAsync(again)).ShouldBe(new RescoreTally(0, 6, 2));
        (await Chunks.TallyAsync(first)).ShouldBe(new RescoreTally(0, 0, 0)); // the superseded run's chunks are gone
    }
}
