using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Sqlite;

namespace StanceBoard.Dashboard.Tests.Storage;

public sealed class SqliteModelStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-models-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private IOptions<StorageOptions> Storage => Options.Create(new StorageOptions { Database = Path.Combine(_folder, "board.db") });

    private async Task<SqliteModelStore> CreateSutAsync()
    {
        await new SqliteStanceStore(Storage, TimeProvider.System, NullLogger<SqliteStanceStore>.Instance).MigrateAsync();
        return new SqliteModelStore(Storage, TimeProvider.System);
    }

    [Fact]
    public async Task AddAsync_StoresBytesMetricsAndProvenanceInactive()
    {
        var sut = await CreateSutAsync();

        var info = await sut.AddAsync("v1", [1, 2, 3], "abc", "{\"f_avg\":0.5}", 42, "test");

        info.ShouldBe(info with { Version = "v1", DataHash = "abc", MetricsJson = "{\"f_avg\":0.5}", Examples = 42, Source = "test", IsActive = false, SizeBytes = 3 });
        (await sut.GetBytesAsync("v1")).ShouldBe([1, 2, 3]);
        (await sut.GetActiveAsync()).ShouldBeNull();
        (await sut.GetBytesAsync("nope")).ShouldBeNull();
    }

    [Fact]
    public async Task AddAsync_SameVersionTwice_IsRefused()
    {
        var sut = await CreateSutAsync();
        await sut.AddAsync("v1", [1], null, null, null, null);

        await Should.ThrowAsync<InvalidOperationException>(() => sut.AddAsync("v1", [2], null, null, null, null));
    }

    [Fact]
    public async Task PromoteAsync_LeavesExactlyOneActiveVersion()
    {
        var sut = await CreateSutAsync();
        await sut.AddAsync("v1", [1], null, null, null, null);
        await sut.AddAsync("v2", [2], null, null, null, null);

        await sut.PromoteAsync("v1", "first");
        await sut.PromoteAsync("v2", "second");

        var all = await sut.ListAsync();
        all.Select(v => (v.Version, v.IsActive)).ShouldBe([("v2", true), ("v1", false)]);
        (await sut.GetActiveAsync())!.Version.ShouldBe("v2");
    }

    [Fact]
    public async Task PromoteAsync_UnknownVersion_ThrowsAndKeepsTheActiveOne()
    {
        var sut = await CreateSutAsync();
        await sut.AddAsync("v1", [1], null, null, null, null);
        await sut.PromoteAsync("v1", "first");

        await Should.ThrowAsync<KeyNotFoundException>(() => sut.PromoteAsync("v9", "typo"));

        (await sut.GetActiveAsync())!.Version.ShouldBe("v1");
    }

    [Fact]
    public async Task RollbackAsync_ReturnsToThePreviouslyActiveVersionsInTurn()
    {
        var sut = await CreateSutAsync();
        foreach (var v in new[] { "v1", "v2", "v3" })
        {
            await sut.AddAsync(v, [1], null, null, null, null);
            await sut.PromoteAsync(v, "promoted");
        }

        (await sut.RollbackAsync())!.Version.ShouldBe("v2");
        (await sut.GetActiveAsync())!.Version.ShouldBe("v2");
        (await sut.RollbackAsync())!.Version.ShouldBe("v1");
        (await sut.RollbackAsync()).ShouldBeNull();
        (await sut.GetActiveAsync())!.Version.ShouldBe("v1");
    }

    [Fact]
    public async Task RollbackAsync_NothingPromoted_ReturnsNull()
    {
        var sut = await CreateSutAsync();

        (await sut.RollbackAsync()).ShouldBeNull();
    }
}
