using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.ChartServing;

namespace StanceBoard.Dashboard.Tests.ChartServing;

public sealed class ChartRenderGateTests
{
    private static ChartRenderGate CreateSut(int slots, int queue) =>
        new(Options.Create(new ChartServingOptions { MaxConcurrentRenders = slots, MaxQueuedRenders = queue, RetryAfterSeconds = 3 }));

    [Fact]
    public async Task EnterAsync_SlotsAndQueueFull_RefusesAtOnceWithRetryAfter()
    {
        var gate = CreateSut(slots: 1, queue: 1);
        var running = await gate.EnterAsync(CancellationToken.None);
        var queued = gate.EnterAsync(CancellationToken.None).AsTask();

        var refused = await Should.ThrowAsync<RenderQueueFullException>(() => gate.EnterAsync(CancellationToken.None).AsTask());

        refused.RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
        (gate.Running, gate.Waiting).ShouldBe((1, 1));
        queued.IsCompleted.ShouldBeFalse();
        running.Dispose();
        using (await queued)
        {
            (gate.Running, gate.Waiting).ShouldBe((1, 0));
        }

        gate.Running.ShouldBe(0);
    }

    [Fact]
    public async Task EnterAsync_WaiterCancelled_LeavesTheQueue()
    {
        var gate = CreateSut(slots: 1, queue: 1);
        using var running = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var queued = gate.EnterAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => queued);
        gate.Waiting.ShouldBe(0);
        var again = gate.EnterAsync(CancellationToken.None).AsTask();
        again.IsCompleted.ShouldBeFalse("the freed queue place is usable again");
        running.Dispose();
        (await again).Dispose();
    }
}
