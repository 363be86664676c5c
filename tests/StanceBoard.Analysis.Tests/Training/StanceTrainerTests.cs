using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Analysis.Tests.Training;

public sealed class StanceTrainerTests
{
    [Fact]
    public void Fit_SeparableSyntheticTask_ReachesAtLeast95PercentOnHeldOutTexts()
    {
        var train = SyntheticStanceData.Generate(600, seed: 11);
        var test = SyntheticStanceData.Generate(300, seed: 99);

        var model = CreateSut().Fit(train);

        var correct = test.Count(e => model.Predict(e.Text, e.Target).Stance == e.Stance);
        ((double)correct / test.Count).ShouldBeGreaterThanOrEqualTo(0.95);
    }

    [Fact]
    public void Fit_SameDataAndSeed_GivesTheSameModelBytes()
    {
        var data = SyntheticStanceData.Generate(300, seed: 5);

        var first = CreateSut(seed: 7).Fit(data).ToBytes();
        var second = CreateSut(seed: 7).Fit(data).ToBytes();

        second.ShouldBe(first);
    }

    [Fact]
    public void Fit_DifferentSeed_ChangesTheFoldsButStillLearns()
    {
        var data = SyntheticStanceData.Generate(300, seed: 5);

        var model = CreateSut(seed: 8).Fit(data);

        model.Training.Seed.ShouldBe(8);
        model.Training.CrossValidationFolds.ShouldBe(5);
        model.Training.CrossValidation.ShouldNotBeNull().Accuracy.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public void Fit_NoExamples_Throws()
    {
        Should.Throw<ArgumentException>(() => CreateSut().Fit([]));
    }

    [Fact]
    public void Fit_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Should.Throw<OperationCanceledException>(() => CreateSut().Fit(SyntheticStanceData.Generate(60, 1), cancellationToken: cts.Token));
    }

    [Fact]
    public void Fit_RecordsTargetsClassCountsAndDataHash()
    {
        var data = SyntheticStanceData.Generate(90, seed: 3);

        var model = CreateSut().Fit(data);

        model.Training.Targets.ShouldBe(["Azerbaijan", "Russia", "Turkey"]);
        model.Training.ClassCounts.ShouldBe([30, 30, 30]);
        model.Training.DataHash.ShouldBe(TrainingDataHash.Compute(data.AsEnumerable().Reverse()));
        model.Version.ShouldStartWith("m-");
    }

    private static StanceTrainer CreateSut(int seed = 1) => new(new StanceTrainerOptions { Seed = seed });
}
