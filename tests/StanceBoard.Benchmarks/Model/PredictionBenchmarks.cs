using BenchmarkDotNet.Attributes;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Benchmarks.Model;

/// <summary>
/// Scoring a 1,000-word piece towards the three default targets with the default model:
/// <c>dotnet run -c Release --project tests/StanceBoard.Benchmarks -- --filter '*Model*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class PredictionBenchmarks
{
    private StanceModel _model = null!;
    private string _piece = "";
    private StanceDocument _prepared = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = BenchmarkData.DefaultModel();
        _piece = BenchmarkData.LongPiece();
        _prepared = StanceDocument.Create(_piece, BenchmarkData.Catalog);
        _ = _model.Predict(_prepared, BenchmarkData.Catalog.Targets);
    }

    /// <summary>The whole prediction: sentence split, mention finding, tokenization, featurization and scoring for three targets (the goal: under 0.5 ms).</summary>
    [Benchmark(Baseline = true)]
    public object PredictPieceThreeTargets() =>
        _model.Predict(StanceDocument.Create(_piece, BenchmarkData.Catalog), BenchmarkData.Catalog.Targets);

    /// <summary>Featurization and scoring only, on a document already split, searched for mentions and tokenized.</summary>
    [Benchmark]
    public object PredictPreparedPieceThreeTargets() => _model.Predict(_prepared, BenchmarkData.Catalog.Targets);

    /// <summary>Document preparation only: sentence split, mention finding and tokenization.</summary>
    [Benchmark]
    public object PreparePiece()
    {
        var document = StanceDocument.Create(_piece, BenchmarkData.Catalog);
        _ = document.Tokens;
        return document;
    }

    /// <summary>One short text, one target.</summary>
    [Benchmark]
    public object PredictSentence() =>
        _model.Predict("Moscow's mediators deserve credit for keeping the corridor open.", "Russia");
}
