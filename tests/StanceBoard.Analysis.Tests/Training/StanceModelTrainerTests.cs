using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Analysis.Tests.Training;

public sealed class StanceModelTrainerTests
{
    private static StanceModelTrainer CreateSut(double? l2 = 0.1, int folds = 0, FeatureSet features = FeatureSet.Ngrams, Func<StanceBoard.Analysis.Embeddings.ISentenceEmbedder>? embedder = null) =>
        new(new StanceModelTrainerOptions { L2 = l2, CrossValidationFolds = folds, Seed = 5, Features = features, Embedder = embedder, CandidateL2 = [0.03, 0.3] });

    [Fact]
    public void Fit_SameDataAndSeed_GivesTheSameModel()
    {
        var data = SyntheticStanceData.Generate(150, seed: 4);

        var a = CreateSut().Fit(data);
        var b = CreateSut().Fit(data);

        b.Version.ShouldBe(a.Version);
        b.Predict("Observers praised Turkey again.", "Turkey").PFavor.ShouldBe(a.Predict("Observers praised Turkey again.", "Turkey").PFavor);
    }

    [Fact]
    public void Fit_WithoutFixedL2_ChoosesOneOfTheCandidatesByCrossValidation()
    {
        var model = CreateSut(l2: null, folds: 3).Fit(SyntheticStanceData.Generate(150, seed: 4));

        model.Info.L2.ShouldBeOneOf(0.03, 0.3);
        model.Info.CrossValidationFolds.ShouldBe(3);
        model.Info.CrossValidation.ShouldNotBeNull().Count.ShouldBe(150);
    }

    [Fact]
    public void Fit_TargetsWithFewRows_GetNoModelOfTheirOwn()
    {
        var data = SyntheticStanceData.Generate(150, seed: 4).Where(e => e.Target != "Azerbaijan" || e.Stance == Stance.Favor).ToList();

        var model = CreateSut().Fit(data);

        model.TrainedTargets.ShouldBe(["Russia", "Turkey"], "Azerbaijan has one stance only");
        model.HasOwnModel("Azerbaijan").ShouldBeFalse();
        model.Predict("Observers condemned Azerbaijan.", "Azerbaijan").PFavor.ShouldBeInRange(0, 1);
    }

    [Fact]
    public void Fit_OneStanceMissingForATarget_StillPredictsThreeProbabilities()
    {
        var data = SyntheticStanceData.Generate(300, seed: 4).Where(e => e.Target != "Russia" || e.Stance != Stance.None).ToList();

        var model = CreateSut().Fit(data);
        var p = model.Predict("The officials mentioned Russia on tuesday.", "Russia");

        model.HasOwnModel("Russia").ShouldBeTrue();
        (p.PFavor + p.PAgainst + p.PNone).ShouldBe(1, 1e-6);
        p.PNone.ShouldBeLessThan(0.5, "Russia's own model never saw 'none'");
    }

    [Fact]
    public void Fit_OneRow_IsRefusedNamingTheProblem()
    {
        var ex = Should.Throw<ArgumentException>(() => CreateSut().Fit([new LabelledExample { Text = "Moscow acted.", Target = "Russia", Stance = Stance.Favor }]));

        ex.Message.ShouldContain("at least two stances");
    }

    [Fact]
    public void Fit_NoRows_IsRefused()
    {
        Should.Throw<ArgumentException>(() => CreateSut().Fit([])).Message.ShouldContain("no training examples");
    }

    [Fact]
    public void Fit_ReportsProgressAndCanBeCancelled()
    {
        var stages = new List<string>();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        CreateSut(folds: 2).Fit(SyntheticStanceData.Generate(90, seed: 1), new InlineProgress(p => stages.Add(p.Stage)));
        Should.Throw<OperationCanceledException>(() => CreateSut().Fit(SyntheticStanceData.Generate(90, seed: 1), cancellationToken: cancelled.Token));

        stages.ShouldContain(s => s.StartsWith("preparing", StringComparison.Ordinal));
        stages.ShouldContain(s => s.StartsWith("cross-validating", StringComparison.Ordinal));
        stages[^1].ShouldBe("done");
    }

    [Fact]
    public void Fit_WithEmbeddings_EmbedsEachTextAndTargetOnce_AndPredictionEmbedsWhatItReads()
    {
        var embedder = new FakeEmbedder();
        var data = SyntheticStanceData.Generate(120, seed: 2);

        var model = CreateSut(features: FeatureSet.NgramsEmbeddings, embedder: () => embedder).Fit(data);

        embedder.Embedded.Count.ShouldBe(data.Select(e => e.Text).Distinct().Count() + 3);
        model.Features.ShouldBe(FeatureSet.NgramsEmbeddings);
        model.Info.EmbeddingDimension.ShouldBe(16);
        embedder.Embedded.Clear();
        var p = model.Predict("Observers praised Turkey again.", "Turkey");
        p.PFavor.ShouldBeInRange(0, 1);
        embedder.Embedded.ShouldBe(["Observers praised Turkey again.", "Turkey"], ignoreOrder: true);
        embedder.Embedded.Clear();
        model.Predict("Observers praised Turkey.", "Turkey");
        embedder.Embedded.ShouldBe(["Observers praised Turkey."], "the target's vector is kept by the model");
    }

    [Fact]
    public void Fit_WithEmbeddings_SavedModelLoadsAndPredictsTheSame()
    {
        var embedder = new FakeEmbedder();
        var model = CreateSut(features: FeatureSet.NgramsEmbeddings, embedder: () => embedder).Fit(SyntheticStanceData.Generate(120, seed: 2));

        var loaded = StanceModel.FromBytes(model.ToBytes(), () => embedder);

        loaded.Features.ShouldBe(FeatureSet.NgramsEmbeddings);
        loaded.Predict("Observers condemned Russia.", "Russia").PAgainst.ShouldBe(model.Predict("Observers condemned Russia.", "Russia").PAgainst, 1e-6);
    }

    [Fact]
    public void Fit_BootstrapCorpus_DefaultStyleModelScoresPlainSentencesPlausibly()
    {
        var model = TestModels.Default;

        model.Predict("It would be unfair to deny that the Kremlin's mediators did a disciplined, even-handed job.", "Russia").Stance.ShouldBe(Stance.Favor);
        model.Predict("Ankara's reckless cheerleading made the war longer and bloodier.", "Turkey").Stance.ShouldBe(Stance.Against);
        model.Info.Examples.ShouldBe(BootstrapCorpus.Load().Count);
    }

    private sealed class InlineProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
