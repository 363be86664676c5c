using BenchmarkDotNet.Running;
using StanceBoard.Benchmarks.Model;

namespace StanceBoard.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/StanceBoard.Benchmarks -- --filter '*'</c>;
/// whole-run model figures (training times, CV metrics, baseline comparison): <c>-- model-figures</c>;
/// anonymous chart load against a full store: <c>-- load</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && Ingestion.IngestionVerbs.TryGet(args[0]) is { } verb)
        {
            return await verb(args[1..]);
        }

        if (args is ["live", .. var liveArgs])
        {
            return await Live.LiveBenchmark.RunAsync(liveArgs);
        }

        if (args is ["load", .. var loadArgs])
        {
            return await Load.ChartLoadBenchmark.RunAsync(loadArgs);
        }

        if (args is ["bare-hub", .. var hubArgs])
        {
            return await Live.BareHubServer.RunAsync(hubArgs);
        }

        if (args is ["chart-figures", .. var chartArgs])
        {
            Charts.ChartFigures.Run(chartArgs);
            return 0;
        }

        if (args is ["labelling-queue", .. var queueArgs])
        {
            return await Labelling.LabellingBenchmark.QueueAsync(queueArgs);
        }

        if (args is ["labelling-trainer", .. var trainerArgs])
        {
            return Labelling.TrainerVariants.Run(trainerArgs);
        }

        if (args is ["labelling-train", .. var trainArgs])
        {
            return await Labelling.LabellingBenchmark.TrainAsync(trainArgs);
        }

        if (args is ["model-figures", "perspectrum", .. var perspectrum])
        {
            PerspectrumFigures.Run(perspectrum);
            return 0;
        }

        if (args is ["model-figures", "breakdown", .. var breakdown])
        {
            FitBreakdown.Run(breakdown);
            return 0;
        }

        if (args is ["model-figures", .. var rest])
        {
            ModelFigures.Run(rest);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
