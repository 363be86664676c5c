using Polly;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>
/// A Polly strategy that holds a <see cref="HostGate"/> lease around each attempt, so that every
/// retry waits its turn and the attempt timeout does not include time spent queueing.
/// </summary>
internal sealed class HostGateStrategy(HostGate gate) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        IDisposable lease;
        try
        {
            lease = await gate.EnterAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (OperationCanceledException ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        using (lease)
        {
            return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }
    }

    /// <summary>Options placeholder required by <c>AddStrategy</c>.</summary>
    internal sealed class Options : ResilienceStrategyOptions
    {
        public Options() => Name = "HostGate";
    }
}
