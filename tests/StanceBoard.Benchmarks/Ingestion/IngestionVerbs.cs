namespace StanceBoard.Benchmarks.Ingestion;

/// <summary>
/// Entry points that print JSON instead of running BenchmarkDotNet:
/// <c>dotnet run -c Release --project tests/StanceBoard.Benchmarks -- ingestion-web</c> (the loopback load run) and
/// <c>-- extraction-quality</c> (the fixture figures).
/// </summary>
internal static class IngestionVerbs
{
    public static Func<string[], Task<int>>? TryGet(string name) => name switch
    {
        "ingestion-web" => WebIngestionLoad.RunAsync,
        "extraction-quality" => ExtractionQualityReport.RunAsync,
        "scale-ingestion" => Scale.ScaleIngestionBenchmark.RunAsync,
        "scale-live" => Scale.CrossInstanceLatencyBenchmark.RunAsync,
        _ => null,
    };
}
