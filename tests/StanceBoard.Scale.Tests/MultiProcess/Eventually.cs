namespace StanceBoard.Scale.Tests.MultiProcess;

/// <summary>Waits for a condition another process brings about, checking it until it holds or the time is up.</summary>
internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, Func<T, string> describe)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var value = await read();
        while (!done(value))
        {
            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"Condition not met within {timeout.TotalSeconds:F0} s: {describe(value)}");
            }

            await Task.Delay(100, CancellationToken.None);
            value = await read();
        }

        return value;
    }
}
