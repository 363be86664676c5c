using BenchmarkDotNet.Running;
using StanceBoard.Benchmarks.Model;

namespace StanceBoard.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/StanceBoard.Benchmarks -- --filter '*'</c>;
/// whole-run model figures (training times, CV metrics, baseline comparison): <c>-- model-figures</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["model-figures", .. var rest])
        {
            ModelFigures.Run(rest.FirstOrDefault() ?? "all");
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
