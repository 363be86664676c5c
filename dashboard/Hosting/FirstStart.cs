using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Hosting;

/// <summary>
/// The work every process does on a store before using it: migrate (under the migrations lock),
/// record the configured targets, then, under the first-start lock, load the active model or
/// train and promote the default one. With several instances starting at once on PostgreSQL,
/// exactly one trains the default model; the others wait and load it.
/// </summary>
internal static class FirstStart
{
    /// <summary>The cross-process lock first-start work runs under.</summary>
    public const string LockName = "stanceboard:first-start";

    public static async Task RunAsync(IServiceProvider services, Func<CancellationToken, Task>? alsoUnderLock, CancellationToken cancellationToken)
    {
        await StartupTasks.PrepareStoreAsync(services.GetRequiredService<IStanceStore>(), services.GetRequiredService<ScorerProvider>(), cancellationToken);
        await using var held = await services.GetRequiredService<IStoreLock>().AcquireAsync(LockName, cancellationToken);
        await services.GetRequiredService<ModelRegistry>().EnsureActiveAsync(cancellationToken);
        if (alsoUnderLock is not null)
        {
            await alsoUnderLock(cancellationToken);
        }
    }
}
