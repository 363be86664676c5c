using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Sqlite;
using StanceBoard.Ingestion;

namespace StanceBoard.Dashboard.Tests.Storage;

public sealed class SqliteObservationsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-obs-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<SqliteStanceStore> CreateSutAsync()
    {
        var store = new SqliteStanceStore(Options.Create(new StorageOptions { Database = Path.Combine(_folder, "board.db") }), TimeProvider.System, NullLogger<SqliteStanceStore>.Instance);
        await store.MigrateAsync();
        return store;
    }

    private static Piece CreatePiece(string text, string[] authors, string? outlet, string? published) => new()
    {
        Title = "T",
        Text = text,
        Authors = authors,
        Outlet = outlet,
        Published = published is null ? null : DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        Origin = "test",
    };

    private static TargetScore Score(string target, Stance? stance, double? score, string? model = "m-1") => new()
    {
        Target = target,
        Mentions = 1,
        MentionSpans = [],
        Stance = stance,
        Score = score,
        Evidence = [],
        ModelVersion = model,
    };

    [Fact]
    public async Task ListObservationsAsync_Pieces_GiveOneRowPerAuthorAndScoredTarget()
    {
        var sut = await CreateSutAsync();
        var two = await sut.AddScoredPieceAsync(
            CreatePiece("Moscow and Ankara.", ["Jane Roe", "John Doe"], "Example Review", "2020-10-12T09:30:00+03:00"),
            [Score("Russia", Stance.Favor, 0.6), Score("Turkey", Stance.Against, -0.4, "m-2")]);
        var anonymous = await sut.AddScoredPieceAsync(CreatePiece("Baku only.", [], null, null), [Score("Azerbaijan", Stance.None, 0.05)]);
        await sut.AddScoredPieceAsync(CreatePiece("Unscored Moscow.", ["Ann Lee"], "Other", "2020-10-13"), [Score("Russia", null, null, null)]);

        var rows = await sut.ListObservationsAsync(StanceFilter.All, 100);

        rows.Count.ShouldBe(5);
        var jane = rows.Single(r => r.Author == "Jane Roe" && r.Target == "Turkey");
        jane.PieceId.ShouldBe(two.Id);
        jane.Stance.ShouldBe(Stance.Against);
        jane.Score.ShouldBe(-0.4);
        jane.ModelVersion.ShouldBe("m-2");
        jane.Outlet.ShouldBe("Example Review");
        jane.Published.ShouldBe(new DateTimeOffset(2020, 10, 12, 6, 30, 0, TimeSpan.Zero));
        var lone = rows.Single(r => r.PieceId == anonymous.Id);
        lone.Author.ShouldBeNull();
        lone.Outlet.ShouldBeNull();
        lone.Published.ShouldBeNull();
        rows.ShouldNotContain(r => r.Author == "Ann Lee");
    }

    [Fact]
    public async Task ListObservationsAsync_Filter_PreselectsLikeStanceFilter()
    {
        var sut = await CreateSutAsync();
        await sut.AddScoredPieceAsync(CreatePiece("A Moscow.", ["Jane Roe"], "Example Review", "2020-09-30T23:59:59Z"), [Score("Russia", Stance.Favor, 0.5)]);
        await sut.AddScoredPieceAsync(CreatePiece("B Moscow.", ["Jane Roe"], "Example Review", "2020-10-01T00:00:00Z"), [Score("Russia", Stance.Favor, 0.5)]);
        await sut.AddScoredPieceAsync(CreatePiece("C Ankara.", ["Ann Lee"], "Other", "2020-10-31T23:59:59Z"), [Score("Turkey", Stance.Favor, 0.5)]);
        await sut.AddScoredPieceAsync(CreatePiece("D Ankara.", ["Ann Lee"], "Other", "2020-11-01T00:00:00Z"), [Score("Turkey", Stance.Favor, 0.5)]);
        var all = await sut.ListObservationsAsync(StanceFilter.All, 100);
        var filters = new[]
        {
            new StanceFilter { From = new DateOnly(2020, 10, 1), To = new DateOnly(2020, 10, 31) },
            new StanceFilter { Authors = ["JANE ROE"] },
            new StanceFilter { Outlets = ["other"] },
            new StanceFilter { Targets = ["turkey"] },
        };

        foreach (var filter in filters)
        {
            var rows = await sut.ListObservationsAsync(filter, 100);
            rows.Select(r => r.PieceId).ShouldBe(filter.Apply(all).Select(r => r.PieceId), filter.ToString());
            rows.Count.ShouldBe(2);
        }
    }

    [Fact]
    public async Task ListObservationsAsync_Limit_ReturnsOneMoreSoCallersSeeTruncation()
    {
        var sut = await CreateSutAsync();
        for (var i = 0; i < 5; i++)
        {
            await sut.AddScoredPieceAsync(CreatePiece($"Piece {i} about Moscow.", ["Jane Roe"], null, "2020-10-01"), [Score("Russia", Stance.None, 0)]);
        }

        (await sut.ListObservationsAsync(StanceFilter.All, 3)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task ListObservationsAsync_CalendarEdges_DoNotThrow()
    {
        var sut = await CreateSutAsync();
        await sut.AddScoredPieceAsync(CreatePiece("An edge piece about Moscow.", ["Jane Roe"], null, "2020-10-01"), [Score("Russia", Stance.None, 0)]);

        (await sut.ListObservationsAsync(new StanceFilter { From = DateOnly.MinValue, To = DateOnly.MaxValue }, 10)).Count.ShouldBe(1);
        (await sut.ListObservationsAsync(new StanceFilter { To = DateOnly.MaxValue }, 10)).Count.ShouldBe(1);
    }
}
