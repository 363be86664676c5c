using Microsoft.ML;
using Microsoft.ML.Data;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Analysis.Tests.Training;

public sealed class TrainerConfigurationTests
{
    private static readonly string[] Probes =
    [
        "Observers praised Turkey again.",
        "The ministry condemned Russia after the talks.",
        "Analysts mentioned Azerbaijan on tuesday.",
    ];

    private static StanceModel Fit(Action<StanceModelTrainerOptions>? configure = null, int rows = 150)
    {
        var options = new StanceModelTrainerOptions { L2 = 0.1, CrossValidationFolds = 0, Seed = 5 };
        configure?.Invoke(options);
        return new StanceModelTrainer(options).Fit(SyntheticStanceData.Generate(rows, seed: 4));
    }

    /// <summary>The n-gram lengths (parts between '|') of the fitted featurizer's slots named "<paramref name="block"/>.…".</summary>
    private static int[] Lengths(StanceModel model, string block)
    {
        var input = new MLContext(1).Data.LoadFromEnumerable(Array.Empty<ModelInput>(), ModelPart.Schema(1)).Schema;
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        model.Shared.Featurizer.ShouldNotBeNull().GetOutputSchema(input)[NgramFeaturizer.OutputColumn].GetSlotNames(ref names);
        return names.DenseValues()
            .Select(n => n.ToString())
            .Where(n => n.StartsWith(block + ".", StringComparison.Ordinal))
            .Select(n => n[(block.Length + 1)..].Split('|').Length)
            .Distinct()
            .Order()
            .ToArray();
    }

    [Fact]
    public void Fit_DefaultOptions_ReadWord1To3AndChar3To5Ngrams()
    {
        var model = Fit();

        Lengths(model, "Word").ShouldBe([1, 2, 3]);
        Lengths(model, "Char").ShouldBe([3, 4, 5]);
    }

    [Fact]
    public void Fit_WithEmbeddings_KeepsCharacter1To5NgramsAndLbfgsByDefault()
    {
        var embedder = new FakeEmbedder();
        var options = new StanceModelTrainerOptions { Features = FeatureSet.NgramsEmbeddings, Embedder = () => embedder };

        var model = Fit(o => (o.Features, o.Embedder) = (options.Features, options.Embedder));

        Lengths(model, "Char").ShouldBe([1, 2, 3, 4, 5]);
        options.ResolvedClassifier.ShouldBe(StanceClassifier.LbfgsMaximumEntropy);
        new StanceModelTrainerOptions().ResolvedClassifier.ShouldBe(StanceClassifier.SdcaMaximumEntropy);
    }

    [Theory]
    [InlineData(2, 1, 5)]
    [InlineData(3, 2, 5)]
    [InlineData(1, 3, 4)]
    public void Fit_ConfiguredLengths_AreTheFeaturizersLengths(int wordMax, int charMin, int charMax)
    {
        var model = Fit(o => (o.WordNgramMaxLength, o.CharNgramMinLength, o.CharNgramMaxLength) = (wordMax, charMin, charMax));

        Lengths(model, "Word").ShouldBe(Enumerable.Range(1, wordMax).ToArray());
        Lengths(model, "Char").ShouldBe(Enumerable.Range(charMin, charMax - charMin + 1).ToArray());
    }

    [Theory]
    [InlineData(StanceClassifier.SdcaMaximumEntropy)]
    [InlineData(StanceClassifier.LbfgsMaximumEntropy)]
    public void Fit_SameDataAndSeed_GivesTheSameModelWithEitherClassifier(StanceClassifier classifier)
    {
        var a = Fit(o => o.Classifier = classifier, rows: 300);
        var b = Fit(o => o.Classifier = classifier, rows: 300);

        a.TrainedTargets.ShouldBe(["Azerbaijan", "Russia", "Turkey"], "the parts are fitted at the same time");
        b.Version.ShouldBe(a.Version);
        foreach (var probe in Probes)
        {
            foreach (var target in SyntheticStanceData.Targets)
            {
                var (p, q) = (a.Predict(probe, target), b.Predict(probe, target));
                (q.PFavor, q.PAgainst, q.PNone).ShouldBe((p.PFavor, p.PAgainst, p.PNone));
            }
        }
    }

    [Fact]
    public void Fit_Classifier_IsTheOneConfigured()
    {
        var sdca = Fit(o => o.Classifier = StanceClassifier.SdcaMaximumEntropy);
        var lbfgs = Fit(o => o.Classifier = StanceClassifier.LbfgsMaximumEntropy);

        sdca.Version.ShouldNotBe(lbfgs.Version);
        Probes.Select(p => sdca.Predict(p, "Turkey").PFavor).ShouldNotBe(Probes.Select(p => lbfgs.Predict(p, "Turkey").PFavor), "two trainers give two sets of weights");
    }

    [Theory]
    [InlineData(StanceClassifier.SdcaMaximumEntropy)]
    [InlineData(StanceClassifier.LbfgsMaximumEntropy)]
    [InlineData(StanceClassifier.LinearSvmOneVersusAll)]
    public void Fit_EachClassifier_LearnsTheSyntheticTaskWithProbabilities(StanceClassifier classifier)
    {
        var model = Fit(o => o.Classifier = classifier, rows: 300);
        var test = SyntheticStanceData.Generate(150, seed: 99);

        var predictions = test.Select(e => model.Predict(e.Text, e.Target)).ToList();

        predictions.Zip(test).Count(x => x.First.Stance == x.Second.Stance).ShouldBeGreaterThan(120);
        predictions.ShouldAllBe(p => Math.Abs(p.PFavor + p.PAgainst + p.PNone - 1) < 1e-4);
    }

    [Fact]
    public void Fit_MinNgramRows_DropsNgramsFewerRowsHave()
    {
        int Features(StanceModel model)
        {
            var input = new MLContext(1).Data.LoadFromEnumerable(Array.Empty<ModelInput>(), ModelPart.Schema(1)).Schema;
            var selector = ((TransformerChain<ITransformer>)model.Shared.Classifier).First();
            return ((VectorDataViewType)selector.GetOutputSchema(model.Shared.Featurizer!.GetOutputSchema(input))["Features"].Type).Size;
        }

        var all = Features(Fit());
        var frequent = Features(Fit(o => o.MinNgramRows = 3));

        frequent.ShouldBeGreaterThan(0);
        frequent.ShouldBeLessThan(all / 2, "most n-grams of the random filler occur in one or two rows");
    }

    [Theory]
    [InlineData(3, 2, "CharNgramMinLength")]
    [InlineData(1, 7, "CharNgramMaxLength")]
    [InlineData(0, 5, "CharNgramMinLength")]
    public void Validate_BadCharacterLengths_ThrowsNamingTheOption(int min, int max, string name)
    {
        var options = new StanceModelTrainerOptions { CharNgramMinLength = min, CharNgramMaxLength = max };

        Should.Throw<ArgumentOutOfRangeException>(options.Validate).ParamName.ShouldBe(name);
    }

    [Fact]
    public void Validate_MinNgramRowsBelowOne_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(new StanceModelTrainerOptions { MinNgramRows = 0 }.Validate).ParamName.ShouldBe("MinNgramRows");
    }
}
