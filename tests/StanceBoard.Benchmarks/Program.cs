using BenchmarkDotNet.Running;

namespace StanceBoard.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project tests/StanceBoard.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
