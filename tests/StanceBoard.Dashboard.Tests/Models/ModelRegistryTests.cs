using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;
using StanceBoard.Analysis.Training;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Sqlite;
using StanceBoard.Ingestion;

namespace StanceBoard.Dashboard.Tests.Models;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-registry-").FullName;
    private readonly ScorerProvider _scorers = new(new TargetCatalog(BootstrapCorpus.Targets));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private IOptions<StorageOptions> Storage => Options.Create(new StorageOptions { Database = Path.Combine(_folder, "board.db") });

    private SqliteStanceStore Pieces => new(Storage, TimeProvider.System, NullLogger<SqliteStanceStore>.Instance);

    private SqliteModelStore Models => new(Storage, TimeProvider.System);

    private async Task<ModelRegistry> CreateSutAsync(bool trainDefault = true)
    {
        await Pieces.MigrateAsync();
        return new ModelRegistry(Models, _scorers, Options.Create(new ModelOptions { TrainDefaultOnFirstStart = trainDefault }), NullLogger<ModelRegistry>.Instance);
    }

    private static StanceModel SmallModel(int seed) =>
        new StanceModelTrainer(new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, Seed = seed, L2 = 0.3, CrossValidationFolds = 0 })
            .Fit(BootstrapCorpus.Load().Take(150).ToList());

    [Fact]
    public async Task EnsureActiveAsync_FreshStore_TrainsRegistersAndUsesTheDefaultModel()
    {
        var sut = await CreateSutAsync();

        var active = await sut.EnsureActiveAsync();

        active.ShouldNotBeNull().IsActive.ShouldBeTrue();
        active.Source.ShouldBe("bootstrap corpus");
        active.Examples.ShouldBe(BootstrapCorpus.Load().Count);
        active.MetricsJson.ShouldNotBeNull().ShouldContain("\"f_avg\"");
        active.MetricsJson.ShouldContain("\"features\":\"ngrams\"");
        _scorers.Current.Model!.Version.ShouldBe(active.Version);
        _scorers.Current.Score("Moscow deserves real credit for keeping the corridor open.").ShouldHaveSingleItem().Stance.ShouldBe(Stance.Favor);
    }

    [Fact]
    public async Task EnsureActiveAsync_SecondStart_LoadsTheStoredVersionWithoutTraining()
    {
        var first = await (await CreateSutAsync()).EnsureActiveAsync();

        var second = await (await CreateSutAsync(trainDefault: false)).EnsureActiveAsync();

        second!.Version.ShouldBe(first!.Version);
        (await Models.ListAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task EnsureActiveAsync_NoModelAndTrainingOff_LeavesScoringWithoutStance()
    {
        var sut = await CreateSutAsync(trainDefault: false);

        (await sut.EnsureActiveAsync()).ShouldBeNull();

        _scorers.Current.Model.ShouldBeNull();
    }

    [Fact]
    public async Task PromoteAsync_SwitchesTheScorerAndRaisesActiveChanged_RollbackReturns()
    {
        var sut = await CreateSutAsync();
        var original = await sut.EnsureActiveAsync();
        var candidate = await sut.RegisterAsync(SmallModel(3), "test");
        var changes = new List<string>();
        sut.ActiveChanged += changes.Add;

        await sut.PromoteAsync(candidate.Version);
        _scorers.Current.Model!.Version.ShouldBe(candidate.Version);

        (await sut.RollbackAsync())!.Version.ShouldBe(original!.Version);
        _scorers.Current.Model!.Version.ShouldBe(original.Version);
        changes.ShouldBe([candidate.Version, original.Version]);
    }

    [Fact]
    public async Task PromoteAsync_CorruptStoredModel_IsRefusedAndTheActiveModelStays()
    {
        var sut = await CreateSutAsync();
        var original = await sut.EnsureActiveAsync();
        var bytes = SmallModel(4).ToBytes();
        bytes[bytes.Length / 2] ^= 0xFF;
        await Models.AddAsync("broken", bytes, null, null, null, "test");

        await Should.ThrowAsync<ModelFormatException>(() => sut.PromoteAsync("broken"));

        (await Models.GetActiveAsync())!.Version.ShouldBe(original!.Version);
        _scorers.Current.Model!.Version.ShouldBe(original.Version);
        (await sut.UnloadableAsync()).Keys.ShouldContain("broken");
    }

    [Fact]
    public async Task EnsureActiveAsync_ActiveVersionOfTheEngineBeforeMlNet_TrainsAndPromotesTheDefaultAndListsTheOldOneAsUnloadable()
    {
        await Pieces.MigrateAsync();
        var old = "SBSTANCE"u8.ToArray().Concat(new byte[100]).ToArray();
        await Models.AddAsync("m-old", old, null, "{\"f_avg\":0.6}", 925, "bootstrap corpus");
        await Models.PromoteAsync("m-old", "test");
        var sut = await CreateSutAsync();
        var changes = new List<string>();
        sut.ActiveChanged += changes.Add;

        var active = await sut.EnsureActiveAsync();

        active.ShouldNotBeNull().Version.ShouldNotBe("m-old");
        _scorers.Current.Model!.Version.ShouldBe(active.Version);
        changes.ShouldBe([active.Version], "stored pieces are re-scored with the new default");
        var unloadable = await sut.UnloadableAsync();
        unloadable.Keys.ShouldBe(["m-old"]);
        unloadable["m-old"].ShouldContain("before ML.NET");
    }

    [Fact]
    public async Task RollbackAsync_ToAnUnloadableVersion_IsRefusedAndTheActiveModelStays()
    {
        await Pieces.MigrateAsync();
        await Models.AddAsync("m-old", "SBSTANCE"u8.ToArray(), null, null, null, "test");
        await Models.PromoteAsync("m-old", "test");
        var sut = await CreateSutAsync();
        var current = await sut.EnsureActiveAsync();

        await Should.ThrowAsync<ModelFormatException>(() => sut.RollbackAsync());

        (await Models.GetActiveAsync())!.Version.ShouldBe(current!.Version);
        _scorers.Current.Model!.Version.ShouldBe(current.Version);
    }

    [Fact]
    public async Task RescoreAllAsync_AfterPromotion_RestampsEveryStoredPieceWithTheNewVersion()
    {
        var sut = await CreateSutAsync();
        await sut.EnsureActiveAsync();
        for (var i = 0; i < 5; i++)
        {
            var piece = new Piece { Title = $"P{i}", Text = $"Moscow acted on day {i}. Ankara objected on day {i}." };
            var added = await Pieces.AddScoredPieceAsync(piece, _scorers.Current.Score(piece.Text));
            if (i == 0)
            {
                await new SqliteSourceStore(Pieces, TimeProvider.System).AddLinkedCopyAsync(new Piece { Title = "Copy", Text = "Republished. " + piece.Text, Url = "https://copy.example/0" }, added.Id, null, 1);
            }
        }

        var candidate = await sut.RegisterAsync(SmallModel(5), "test");
        await sut.PromoteAsync(candidate.Version);
        var progress = new List<(long Done, long Total)>();

        var done = await RescoreService.RescoreAllAsync(Pieces, _scorers, (d, t) => { progress.Add((d, t)); return Task.CompletedTask; }, CancellationToken.None);

        done.ShouldBe(5);
        progress[^1].ShouldBe((5, 5));
        var stored = await Pieces.ListPiecesAsync(new PieceQuery { Limit = 10, IncludeCopies = true });
        stored.Count.ShouldBe(6);
        stored.Where(p => p.DuplicateOf is null).SelectMany(p => p.Scores).ShouldAllBe(s => s.Score.ModelVersion == candidate.Version);
        stored.Single(p => p.DuplicateOf is not null).Scores.ShouldBeEmpty("a syndicated copy is not scored, not even by a re-score");
    }

    [Fact]
    public async Task RescoreAllAsync_Cancelled_StopsWithOperationCanceled()
    {
        var sut = await CreateSutAsync();
        await sut.EnsureActiveAsync();
        await Pieces.AddScoredPieceAsync(new Piece { Title = "P", Text = "Moscow acted." }, []);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            RescoreService.RescoreAllAsync(Pieces, _scorers, (_, _) => Task.CompletedTask, cts.Token));
    }
}
