using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Analysis.Targets;
using StanceBoard.Ingestion;
using StanceBoard.Scale.Tests.Storage;

namespace StanceBoard.Scale.Tests.MultiProcess;

/// <summary>
/// Re-scoring after a promotion shared by real <c>worker</c> processes on one PostgreSQL database:
/// both take chunks, a chunk whose worker was killed with SIGKILL is taken over when its lease runs
/// out, and every chunk's scores are committed once for the version. To make the interleaving
/// certain without sleeping, the test holds a lock on every piece row, so each worker stops inside
/// its first chunk's commit (lease held, nothing written) until the test lets go.
/// </summary>
public sealed partial class MultiProcessRescoreTests : ProcessesOnOneDatabase
{
    private const int Pieces = 60;
    private const string Version = "rescore-test-v2";
    private static readonly TimeSpan WorkTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Promotion_TwoWorkers_ShareTheChunksAndScoreEachPieceOnceForTheVersion()
    {
        var (a, b) = await StartWorkersAsync();
        await using (await LockPiecesAsync())
        {
            await PromoteAsync();
            await WaitForHeldChunksAsync(a, b);
        }

        await WaitForRunDoneAsync();

        var commits = await WaitForCommitLinesAsync(a, b);
        commits.ShouldAllBe(c => c.Value.Count == 1, Describe(a, b));
        commits.Values.SelectMany(owners => owners).Distinct().Count().ShouldBe(2, Describe(a, b));
        await ShouldAllBeScoredWithTheNewVersionAsync();
    }

    [Fact]
    public async Task Promotion_WorkerKilledMidChunk_OtherTakesItOverAndEachPieceIsScoredOnce()
    {
        var (a, b) = await StartWorkersAsync();
        long killedChunk;
        await using (await LockPiecesAsync())
        {
            await PromoteAsync();
            var held = await WaitForHeldChunksAsync(a, b);
            killedChunk = held[a.Id];
            await a.KillHardAsync();
        }

        await WaitForRunDoneAsync();

        var commits = await WaitForCommitLinesAsync(a, b);
        b.Output.ShouldContain($"Took over re-scoring chunk {killedChunk}-", Case.Sensitive, Describe(a, b));
        commits.ShouldAllBe(c => c.Value.Count == 1, Describe(a, b));
        commits[killedChunk].ShouldBe([b.Id]);
        await ShouldAllBeScoredWithTheNewVersionAsync();
    }

    private async Task<(BoardProcess A, BoardProcess B)> StartWorkersAsync()
    {
        var settings = BoardProcess.Settings(Database);
        settings["Rescore__ChunkSize"] = "10";
        settings["Rescore__LeaseDuration"] = "00:00:03";
        settings["Rescore__PollInterval"] = "00:00:00.100";
        var a = Track(BoardProcess.Worker(settings));
        await a.WaitStartedAsync(StartTimeout);
        var b = Track(BoardProcess.Worker(settings));
        await b.WaitStartedAsync(StartTimeout);
        await AddPiecesAsync();

        // Both listen for model changes before the promotion is announced.
        await Eventually.WaitAsync(
            () => QueryAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND datname = current_database()")),
            n => n >= 2,
            StartTimeout,
            n => $"{n} listener(s)");
        return (a, b);
    }


    private async Task AddPiecesAsync()
    {
        await using var stores = StoreSet.Create(
            new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", ["ConnectionStrings:StanceBoard"] = Database },
            () => Task.CompletedTask);
        for (var i = 0; i < Pieces; i++)
        {
            var piece = new Piece
            {
                Title = $"Piece {i}",
                Text = $"Moscow brokered truce number {i}, and Ankara objected to clause {(i * 7) + 3} of it.",
                Authors = ["Jane Roe"],
                Outlet = "Example Review",
                Origin = "test",
            };
            await stores.Pieces.AddScoredPieceAsync(piece, [new TargetScore { Target = "Russia", Mentions = 1, MentionSpans = [new TextSpan(0, 6)], Evidence = [], ModelVersion = "old" }]);
        }
    }

    /// <summary>Registers the active model's file as a new version and promotes it, as another instance would.</summary>
    private async Task PromoteAsync()
    {
        await using var stores = StoreSet.Create(
            new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", ["ConnectionStrings:StanceBoard"] = Database },
            () => Task.CompletedTask);
        var active = (await stores.Models.GetActiveAsync()).ShouldNotBeNull();
        var bytes = (await stores.Models.GetBytesAsync(active.Version)).ShouldNotBeNull();
        await stores.Models.AddAsync(Version, bytes, null, null, null, "test");
        await stores.Models.PromoteAsync(Version, "promoted");
    }

    /// <summary>Holds FOR UPDATE on every piece: a chunk commit (which reads them FOR SHARE) waits until this is disposed.</summary>
    private async Task<PieceLock> LockPiecesAsync()
    {
        var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT id FROM pieces FOR UPDATE", transaction: transaction);
        return new PieceLock(connection, transaction);
    }

    /// <summary>Waits until each worker holds a chunk; returns the first id of each one's chunk by process id.</summary>
    private async Task<Dictionary<int, long>> WaitForHeldChunksAsync(BoardProcess a, BoardProcess b)
    {
        var held = await Eventually.WaitAsync(
            () => QueryAsync(async c => (await c.QueryAsync<(string Owner, long FirstId)>(
                "SELECT lease_owner, first_id FROM rescore_chunks WHERE lease_owner IS NOT NULL AND done_utc IS NULL")).ToArray()),
            rows => rows.Any(r => IsOwnedBy(r.Owner, a)) && rows.Any(r => IsOwnedBy(r.Owner, b)),
            WorkTimeout,
            rows => $"held: {string.Join(", ", rows.Select(r => $"{r.FirstId} by {r.Owner}"))}\n{Describe(a, b)}");
        return new Dictionary<int, long>
        {
            [a.Id] = held.First(r => IsOwnedBy(r.Owner, a)).FirstId,
            [b.Id] = held.First(r => IsOwnedBy(r.Owner, b)).FirstId,
        };
    }

    private Task WaitForRunDoneAsync() => Eventually.WaitAsync(
        () => QueryAsync(c => c.QuerySingleAsync<(long Chunks, long Open)>("SELECT COUNT(*), COUNT(*) FILTER (WHERE done_utc IS NULL) FROM rescore_chunks")),
        t => t.Chunks > 0 && t.Open == 0,
        WorkTimeout,
        t => $"{t.Open} of {t.Chunks} chunk(s) open\n{Describe(Processes.ToArray())}");

    /// <summary>Waits until the logs name a commit of every chunk (a line follows its commit), then returns who committed each.</summary>
    private async Task<Dictionary<long, List<int>>> WaitForCommitLinesAsync(params BoardProcess[] processes)
    {
        var chunks = await ChunkIdsAsync();
        var commits = await Eventually.WaitAsync(
            () => Task.FromResult(Commits(processes)),
            c => chunks.All(c.ContainsKey),
            WorkTimeout,
            c => $"logged commits of {string.Join(", ", c.Keys.Order())}; chunks {string.Join(", ", chunks)}\n{Describe(processes)}");
        commits.Keys.Order().ShouldBe(chunks);
        return commits;
    }

    private async Task<long[]> ChunkIdsAsync() =>
        await QueryAsync(async c => (await c.QueryAsync<long>("SELECT first_id FROM rescore_chunks ORDER BY first_id")).ToArray());

    private async Task ShouldAllBeScoredWithTheNewVersionAsync()
    {
        var (scored, stale) = await QueryAsync(c => c.QuerySingleAsync<(long Scored, long Stale)>(
            "SELECT COUNT(DISTINCT piece_id), COUNT(*) FILTER (WHERE model_version IS DISTINCT FROM @Version) FROM scores",
            new { Version }));
        scored.ShouldBe(Pieces);
        stale.ShouldBe(0);
    }

    private async Task<T> QueryAsync<T>(Func<NpgsqlConnection, Task<T>> query)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        return await query(connection);
    }

    /// <summary>Each chunk's first id with the processes whose log says they committed it.</summary>
    private static Dictionary<long, List<int>> Commits(params BoardProcess[] processes)
    {
        var commits = new Dictionary<long, List<int>>();
        foreach (var process in processes)
        {
            foreach (Match match in CommitLine().Matches(process.Output))
            {
                var first = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                if (!commits.TryGetValue(first, out var owners))
                {
                    commits[first] = owners = [];
                }

                owners.Add(process.Id);
            }
        }

        return commits;
    }

    private static bool IsOwnedBy(string owner, BoardProcess process) =>
        owner.Contains(string.Create(CultureInfo.InvariantCulture, $"-{process.Id}-"), StringComparison.Ordinal);

    private static string Describe(params BoardProcess[] processes) =>
        string.Join("\n", processes.Select(p => $"--- process {p.Id}:\n{p.Output}"));

    [GeneratedRegex(@"Re-scored chunk (\d+)-(\d+) of ")]
    private static partial Regex CommitLine();

    /// <summary>The row locks on the pieces: let go (rolled back, connection closed) when disposed.</summary>
    private sealed class PieceLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
