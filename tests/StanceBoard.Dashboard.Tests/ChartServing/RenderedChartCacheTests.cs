using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StanceBoard.Dashboard.ChartServing;
using StanceBoard.Dashboard.Pipeline;

namespace StanceBoard.Dashboard.Tests.ChartServing;

public sealed class RenderedChartCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly ChartDataState _state = new();
    private int _renders;

    private RenderedChartCache CreateSut(int megabytes = 1) =>
        new(_state, Options.Create(new ChartServingOptions { RenderedCacheMegabytes = megabytes, MaxDataAge = TimeSpan.FromMinutes(1) }), _time);

    private Func<Task<RenderedChart?>> Render(int bytes = 1000) => () =>
    {
        Interlocked.Increment(ref _renders);
        return Task.FromResult<RenderedChart?>(new RenderedChart(new byte[bytes], "image/svg+xml", "c.svg", "\"e\"", new DataStamp(_state.Current, 0, _time.GetUtcNow())));
    };

    [Fact]
    public async Task GetOrRenderAsync_SameKeyConcurrently_RendersOnce()
    {
        var cache = CreateSut();
        var gate = new TaskCompletionSource<RenderedChart?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<Task<RenderedChart?>> render = () =>
        {
            Interlocked.Increment(ref _renders);
            return gate.Task;
        };

        var first = cache.GetOrRenderAsync("k", render, CancellationToken.None);
        var second = cache.GetOrRenderAsync("k", render, CancellationToken.None);
        gate.SetResult(new RenderedChart([1, 2], "image/svg+xml", "c.svg", "\"e\"", new DataStamp(_state.Current, 0, _time.GetUtcNow())));

        (await first).ShouldBeSameAs(await second);
        _renders.ShouldBe(1);
    }

    [Fact]
    public async Task GetOrRenderAsync_NewPieceOrOldData_RendersAgain()
    {
        var cache = CreateSut();
        await cache.GetOrRenderAsync("k", Render(), CancellationToken.None);
        await cache.GetOrRenderAsync("k", Render(), CancellationToken.None);
        _renders.ShouldBe(1);

        await _state.OnPieceScoredAsync(new PieceDto { Id = 7, Title = "t", Authors = [], Targets = new Dictionary<string, TargetScoreDto>() }, CancellationToken.None);
        await cache.GetOrRenderAsync("k", Render(), CancellationToken.None);
        _renders.ShouldBe(2);

        _time.Advance(TimeSpan.FromMinutes(1));
        await cache.GetOrRenderAsync("k", Render(), CancellationToken.None);
        _renders.ShouldBe(3, "older than MaxDataAge: changes made outside the process may be missing");
    }

    [Fact]
    public async Task Add_OverTheBudget_DropsTheLeastRecentlyUsed()
    {
        var cache = CreateSut(megabytes: 1);
        await cache.GetOrRenderAsync("a", Render(400_000), CancellationToken.None);
        await cache.GetOrRenderAsync("b", Render(400_000), CancellationToken.None);
        await cache.GetOrRenderAsync("a", Render(400_000), CancellationToken.None);

        await cache.GetOrRenderAsync("c", Render(400_000), CancellationToken.None);

        cache.Bytes.ShouldBeLessThanOrEqualTo(1024 * 1024);
        _renders.ShouldBe(3);
        await cache.GetOrRenderAsync("a", Render(400_000), CancellationToken.None);
        _renders.ShouldBe(3, "a was used more recently than b");
        await cache.GetOrRenderAsync("b", Render(400_000), CancellationToken.None);
        _renders.ShouldBe(4);
    }

    [Fact]
    public async Task TrimUnusedSince_DropsOnlyFilesNotAskedForSince()
    {
        var cache = CreateSut();
        await cache.GetOrRenderAsync("old", Render(), CancellationToken.None);
        await cache.GetOrRenderAsync("used", Render(), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20));
        await cache.GetOrRenderAsync("used", Render(), CancellationToken.None);

        var freed = cache.TrimUnusedSince(_time.GetUtcNow() - TimeSpan.FromSeconds(10));

        freed.ShouldBeGreaterThanOrEqualTo(1000);
        await cache.GetOrRenderAsync("used", Render(), CancellationToken.None);
        _renders.ShouldBe(2);
        await cache.GetOrRenderAsync("old", Render(), CancellationToken.None);
        _renders.ShouldBe(3);
    }
}
