using System.Reflection;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Tests.ChartServing;

/// <summary>
/// The real store with <see cref="StoreHooks"/> around every observation read (any
/// <c>ListObservations…</c> method), everything else passed through unchanged.
/// </summary>
public class ObservedStore : DispatchProxy
{
    private static readonly MethodInfo AroundMethod = typeof(ObservedStore).GetMethod(nameof(AroundAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private IStanceStore _inner = null!;
    private StoreHooks _hooks = null!;

    public static IStanceStore Wrap(IStanceStore inner, StoreHooks hooks)
    {
        var proxy = Create<IStanceStore, ObservedStore>();
        var observed = (ObservedStore)(object)proxy;
        observed._inner = inner;
        observed._hooks = hooks;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (!targetMethod.Name.StartsWith("ListObservations", StringComparison.Ordinal))
        {
            return Call(targetMethod, args);
        }

        var result = targetMethod.ReturnType.GetGenericArguments()[0];
        return AroundMethod.MakeGenericMethod(result).Invoke(null, [this, targetMethod, args]);
    }

    private static async Task<T> AroundAsync<T>(ObservedStore store, MethodInfo method, object?[]? args)
    {
        await store._hooks.OnReadAsync((StanceFilter)args![0]!, args.Length > 1 && args[1] is long after ? after : 0);
        return await (Task<T>)store.Call(method, args)!;
    }

    private object? Call(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
