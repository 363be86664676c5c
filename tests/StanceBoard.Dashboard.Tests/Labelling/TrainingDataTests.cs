using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;
using StanceBoard.Dashboard.Labelling.Training;

namespace StanceBoard.Dashboard.Tests.Labelling;

public sealed class TrainingDataTests
{
    private static readonly TargetCatalog Catalog = new(BootstrapCorpus.Targets);

    [Fact]
    public void Extract_LongPiece_KeepsTheSentencesNamingTheTargetAndTheMarkedEvidence()
    {
        const string text = "The war began in autumn. Moscow brokered the truce. Nobody expected it. Ankara sent drones. The Kremlin said little more. It ended in November.";

        TrainingPassages.Extract(text, "Russia", [], Catalog).ShouldBe("Moscow brokered the truce. The Kremlin said little more.");
        TrainingPassages.Extract(text, "Russia", [5], Catalog).ShouldBe("Moscow brokered the truce. The Kremlin said little more. It ended in November.");
        TrainingPassages.Extract(text, "Azerbaijan", [], Catalog).ShouldBe(text); // never named: kept whole
        TrainingPassages.Extract("Moscow spoke. Then Ankara.", "Russia", [], Catalog).ShouldBe("Moscow spoke. Then Ankara."); // short: kept whole
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.5, 5)]
    [InlineData(1, 10)]
    [InlineData(2.3, 23)]
    public void Take_Weight_IncludesRoundedWeightTimesTheCorpusRows(double weight, int expected)
    {
        var corpus = Enumerable.Range(0, 10).Select(i => new LabelledExample { Text = $"text {i}", Target = "Russia", Stance = Stance.None }).ToList();

        var rows = BootstrapMix.Take(corpus, weight, seed: 3);

        rows.Count.ShouldBe(expected);
        rows.GroupBy(r => r.Text).ShouldAllBe(g => g.Count() >= Math.Floor(weight) && g.Count() <= Math.Ceiling(weight));
        BootstrapMix.Take(corpus, weight, seed: 3).ShouldBe(rows); // the same seed gives the same rows
        Should.Throw<ArgumentOutOfRangeException>(() => BootstrapMix.Take(corpus, -1, 3));
    }
}
