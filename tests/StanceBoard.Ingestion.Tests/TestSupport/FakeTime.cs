namespace StanceBoard.Ingestion.Tests.TestSupport;

/// <summary>Drives a <see cref="FakeTimeProvider"/> while real I/O is in progress.</summary>
internal static class FakeTime
{
    /// <summary>Advances fake time in steps until <paramref name="task"/> completes (bounded by a real-time limit).</summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan step, TimeSpan? realLimit = null)
    {
        var limit = DateTime.UtcNow + (realLimit ?? TimeSpan.FromSeconds(30));
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > limit)
            {
                throw new TimeoutException("The operation did not complete while fake time advanced.");
            }

            await Task.WhenAny(task, Task.Delay(15));
            if (!task.IsCompleted)
            {
                time.Advance(step);
            }
        }

        return await task;
    }

    /// <summary>Waits (in real time) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? realLimit = null)
    {
        var limit = DateTime.UtcNow + (realLimit ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > limit)
            {
                throw new TimeoutException("The condition did not hold in time.");
            }

            await Task.Delay(10);
        }
    }
}
