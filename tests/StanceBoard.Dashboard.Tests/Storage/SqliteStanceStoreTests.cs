using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Analysis.Targets;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Sqlite;
using StanceBoard.Ingestion;

namespace StanceBoard.Dashboard.Tests.Storage;

public sealed class SqliteStanceStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-store-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string DatabasePath => Path.Combine(_folder, "nested", "board.db");

    private SqliteStanceStore CreateSut() =>
        new(Options.Create(new StorageOptions { Database = DatabasePath }), TimeProvider.System, NullLogger<SqliteStanceStore>.Instance);

    private static Piece CreatePiece(string text = "Moscow brokered a truce. Ankara objected.", string? url = null) => new()
    {
        Title = "A title",
        Text = text,
        Authors = ["Jane Roe", "John Doe"],
        Outlet = "Example Review",
        Url = url,
        Published = new DateTimeOffset(2020, 10, 12, 9, 30, 0, TimeSpan.FromHours(3)),
        Origin = "test",
    };

    private static TargetScore Score(string target, Stance? stance = null) => new()
    {
        Target = target,
        Mentions = 2,
        MentionSpans = [new TextSpan(0, 6), new TextSpan(25, 6)],
        Stance = stance,
        Score = stance is null ? null : 0.5,
        Probabilities = stance is null ? null : new StanceProbabilities(0.7, 0.2, 0.1),
        Evidence = ["Moscow brokered a truce."],
        ModelVersion = stance is null ? null : "m-1",
    };

    [Fact]
    public async Task MigrateAsync_Twice_CreatesTheFileInWalModeAndAppliesEachMigrationOnce()
    {
        var sut = CreateSut();

        await sut.MigrateAsync();
        await sut.MigrateAsync();

        File.Exists(DatabasePath).ShouldBeTrue();
        await using var connection = await sut.OpenAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode")).ShouldBe("wal");
        (await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version")).ShouldBe(SqliteMigrations.All.Select(m => (long)m.Version).Order());
        (await sut.CheckHealthAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task AddScoredPieceAsync_RoundTrip_KeepsEveryFieldAndScore()
    {
        var sut = CreateSut();
        await sut.MigrateAsync();

        var added = await sut.AddScoredPieceAsync(CreatePiece(url: "https://example.org/a"), [Score("Russia", Stance.Favor), Score("Turkey")]);
        var stored = await sut.GetPieceAsync(added.Id);

        added.IsNew.ShouldBeTrue();
        stored.ShouldNotBeNull();
        stored.Authors.ShouldBe(["Jane Roe", "John Doe"]);
        stored.Outlet.ShouldBe("Example Review");
        stored.Published.ShouldBe(new DateTimeOffset(2020, 10, 12, 6, 30, 0, TimeSpan.Zero));
        stored.Scores.Select(s => s.Target).ShouldBe(["Russia", "Turkey"]);
        var russia = stored.Scores[0].Score;
        russia.Stance.ShouldBe(Stance.Favor);
        russia.Probabilities.ShouldBe(new StanceProbabilities(0.7, 0.2, 0.1));
        russia.MentionSpans.ShouldBe([new TextSpan(0, 6), new TextSpan(25, 6)]);
        russia.ModelVersion.ShouldBe("m-1");
        stored.Scores[1].Score.Stance.ShouldBeNull();
    }

    [Fact]
    public async Task AddScoredPieceAsync_SameTextReflowed_IsNotStoredTwice()
    {
        var sut = CreateSut();
        await sut.MigrateAsync();

        var first = await sut.AddScoredPieceAsync(CreatePiece("Moscow brokered a truce.  Ankara objected."), []);
        var second = await sut.AddScoredPieceAsync(CreatePiece("moscow brokered a truce\nAnkara objected!"), []);

        second.ShouldBe(new AddPieceResult(first.Id, false));
        (await sut.CountPiecesAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task AddScoredPieceAsync_SameUrlDifferentText_IsTheSamePiece()
    {
        var sut = CreateSut();
        await sut.MigrateAsync();

        var first = await sut.AddScoredPieceAsync(CreatePiece("Version one.", "https://example.org/x"), []);
        var second = await sut.AddScoredPieceAsync(CreatePiece("Version two, edited.", "https://example.org/x"), []);

        second.IsNew.ShouldBeFalse();
        second.Id.ShouldBe(first.Id);
    }

    [Fact]
    public async Task ListPiecesAsync_Filters_SelectByAuthorOutletTargetAndDate()
    {
        var sut = CreateSut();
        await sut.MigrateAsync();
        var a = await sut.AddScoredPieceAsync(CreatePiece("One about Moscow."), [Score("Russia")]);
        var b = await sut.AddScoredPieceAsync(CreatePiece("Two about Ankara.") with { Authors = ["Ann Lee"], Outlet = "Other", Published = new DateTimeOffset(2020, 11, 20, 0, 0, 0, TimeSpan.Zero) }, [Score("Turkey")]);

        (await sut.ListPiecesAsync(new PieceQuery())).Select(p => p.Id).ShouldBe([b.Id, a.Id]);
        (await sut.ListPiecesAsync(new PieceQuery { Authors = ["ann lee"] })).Select(p => p.Id).ShouldBe([b.Id]);
        (await sut.ListPiecesAsync(new PieceQuery { Outlets = ["Example Review"] })).Select(p => p.Id).ShouldBe([a.Id]);
        (await sut.ListPiecesAsync(new PieceQuery { Targets = ["Russia"] })).Select(p => p.Id).ShouldBe([a.Id]);
        (await sut.ListPiecesAsync(new PieceQuery { From = new DateTimeOffset(2020, 11, 1, 0, 0, 0, TimeSpan.Zero) })).Select(p => p.Id).ShouldBe([b.Id]);
        (await sut.ListPiecesAsync(new PieceQuery { BeforeId = b.Id })).Select(p => p.Id).ShouldBe([a.Id]);
    }

    [Fact]
    public async Task GetTargetSummariesAsync_CountsPiecesAndStances()
    {
        var sut = CreateSut();
        await sut.MigrateAsync();
        await sut.SyncTargetsAsync([new TargetDefinition("Russia", []), new TargetDefinition("Turkey", []), new TargetDefinition("Iran", [])]);
        await sut.AddScoredPieceAsync(CreatePiece("One."), [Score("Russia", Stance.Favor), Score("Turkey", Stance.Against)]);
        await sut.AddScoredPieceAsync(CreatePiece("Two."), [Score("Russia", Stance.Favor)]);

        var summaries = (await sut.GetTargetSummariesAsync()).ToDictionary(s => s.Target);

        summaries["Russia"].ShouldBe(new TargetSummary("Russia", 2, 2, 2, 0, 0, 0.5));
        summaries["Turkey"].Against.ShouldBe(1);
        summaries["Iran"].Pieces.ShouldBe(0);
    }

    [Fact]
    public async Task ReplaceScoresAsync_SwapsTheScores()
    {
        var sut = CreateSut();
        await sut.MigrateAsync();
        var added = await sut.AddScoredPieceAsync(CreatePiece(), [Score("Russia")]);

        await sut.ReplaceScoresAsync(added.Id, [Score("Turkey", Stance.Against)]);

        var stored = await sut.GetPieceAsync(added.Id);
        stored!.Scores.Select(s => (s.Target, s.Score.Stance)).ShouldBe([("Turkey", (Stance?)Stance.Against)]);
    }

    [Fact]
    public async Task ApiKeys_StoredByHash_AreFoundByHashOnly()
    {
        var sut = CreateSut();
        await sut.MigrateAsync();

        (await sut.HasApiKeysAsync()).ShouldBeFalse();
        await sut.AddApiKeyAsync("k", "abc123", "admin");

        (await sut.HasApiKeysAsync()).ShouldBeTrue();
        (await sut.FindApiKeyRoleAsync("abc123")).ShouldBe("admin");
        (await sut.FindApiKeyRoleAsync("other")).ShouldBeNull();
    }
}
