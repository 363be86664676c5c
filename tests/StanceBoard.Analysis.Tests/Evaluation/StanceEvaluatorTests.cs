using StanceBoard.Analysis.Evaluation;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Tests.Evaluation;

public sealed class StanceEvaluatorTests
{
    /// <summary>
    /// Gold × predicted (favor, against, none):
    /// favor  [4, 1, 1]
    /// against[2, 5, 1]
    /// none   [0, 2, 4]
    /// F1(favor) = 2·4/(2·4 + 2 + 2) = 8/12; F1(against) = 10/(10 + 3 + 3) = 10/16; F1(none) = 8/(8 + 2 + 2) = 8/12.
    /// </summary>
    private static readonly (Stance Gold, Stance Predicted, int Count)[] Cells =
    [
        (Stance.Favor, Stance.Favor, 4), (Stance.Favor, Stance.Against, 1), (Stance.Favor, Stance.None, 1),
        (Stance.Against, Stance.Favor, 2), (Stance.Against, Stance.Against, 5), (Stance.Against, Stance.None, 1),
        (Stance.None, Stance.Against, 2), (Stance.None, Stance.None, 4),
    ];

    [Fact]
    public void Evaluate_HandComputedMatrix_GivesTheSemEvalMeasures()
    {
        var metrics = StanceEvaluator.Evaluate(Rows("Russia"));

        metrics.FFavor.ShouldBe(8.0 / 12, 1e-12);
        metrics.FAgainst.ShouldBe(10.0 / 16, 1e-12);
        metrics.FAvg.ShouldBe(((8.0 / 12) + (10.0 / 16)) / 2, 1e-12);
        metrics.MacroF1.ShouldBe(((8.0 / 12) + (10.0 / 16) + (8.0 / 12)) / 3, 1e-12);
        metrics.Accuracy.ShouldBe(13.0 / 20, 1e-12);
        metrics.Count.ShouldBe(20);
        metrics.Confusion.ShouldBe([[4, 1, 1], [2, 5, 1], [0, 2, 4]]);
    }

    [Fact]
    public void Evaluate_TwoTargets_PoolsOverAllRowsAndSplitsPerTarget()
    {
        var rows = Rows("Russia").Concat(Rows("turkey")).Concat(Rows("Turkey").Where(r => r.Gold == Stance.None));

        var metrics = StanceEvaluator.Evaluate(rows);

        metrics.PerTarget.Keys.ShouldBe(["Russia", "turkey"]);
        metrics.PerTarget["TURKEY"].Count.ShouldBe(26);
        metrics.PerTarget["Russia"].FAvg.ShouldBe(((8.0 / 12) + (10.0 / 16)) / 2, 1e-12);
        metrics.Count.ShouldBe(46);
    }

    [Fact]
    public void Evaluate_ClassNeverPredictedNorPresent_ScoresZeroNotNaN()
    {
        var metrics = StanceEvaluator.Evaluate([("Russia", Stance.None, Stance.None)]);

        metrics.FFavor.ShouldBe(0);
        metrics.FAvg.ShouldBe(0);
        metrics.Accuracy.ShouldBe(1);
    }

    private static IEnumerable<(string Target, Stance Gold, Stance Predicted)> Rows(string target) =>
        Cells.SelectMany(c => Enumerable.Repeat((target, c.Gold, c.Predicted), c.Count));
}
