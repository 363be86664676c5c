using BenchmarkDotNet.Attributes;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Benchmarks.Model;

/// <summary>Scoring a 1,000-word piece towards the three default targets with the default model.</summary>
[MemoryDiagnoser]
public class PredictionBenchmarks
{
    private StanceClassifier _model = null!;
    private string _piece = "";

    [GlobalSetup]
    public void Setup()
    {
        _model = BenchmarkData.DefaultModel();
        _piece = BenchmarkData.LongPiece();
    }

    /// <summary>Sentence split, mention finding, featurization and prediction for three targets.</summary>
    [Benchmark]
    public object PredictPieceThreeTargets() =>
        _model.Predict(StanceDocument.Create(_piece, BenchmarkData.Catalog), BenchmarkData.Catalog.Targets);

    /// <summary>One short text, one target.</summary>
    [Benchmark]
    public object PredictSentence() =>
        _model.Predict("Moscow's mediators deserve credit for keeping the corridor open.", "Russia");
}
