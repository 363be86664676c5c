using BenchmarkDotNet.Running;

namespace StanceBoard.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project tests/StanceBoard.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && Ingestion.IngestionVerbs.TryGet(args[0]) is { } verb)
        {
            return await verb(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
