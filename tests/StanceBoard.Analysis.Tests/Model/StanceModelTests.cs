using System.Text;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Tests.Model;

public sealed class StanceModelTests
{
    [Fact]
    public void Predict_SyntheticHeldOutTexts_MostlyRight()
    {
        var model = TestModels.Synthetic;
        var heldOut = SyntheticStanceData.Generate(150, seed: 99);

        var right = heldOut.Count(e => model.Predict(e.Text, e.Target).Stance == e.Stance);

        right.ShouldBeGreaterThan(135, "the synthetic task is separable by its verbs");
    }

    [Fact]
    public void Predict_ProbabilitiesSumToOne_ScoreIsFavorMinusAgainst_StanceIsTheMostProbable()
    {
        var p = TestModels.Default.Predict("Moscow's mediators deserve real credit for a disciplined mission.", "Russia");

        (p.PFavor + p.PAgainst + p.PNone).ShouldBe(1, 1e-6);
        p.Score.ShouldBe(p.PFavor - p.PAgainst, 1e-12);
        var best = new[] { (Stance.Favor, p.PFavor), (Stance.Against, p.PAgainst), (Stance.None, p.PNone) }.MaxBy(x => x.Item2).Item1;
        p.Stance.ShouldBe(best);
        p.Stance.ShouldBe(Stance.Favor);
        p.Evidence.ShouldBe(["Moscow's mediators deserve real credit for a disciplined mission."]);
    }

    [Fact]
    public void Predict_Batch_EqualsOneAtATime()
    {
        var model = TestModels.Default;
        var rows = BootstrapCorpus.Load().Take(40).ToList();

        var batch = model.Predict(rows.Select(e => new StanceRequest(model.Prepare(e.Text, model.Resolve(e.Target)), model.Resolve(e.Target))).ToArray());

        for (var i = 0; i < rows.Count; i++)
        {
            var alone = model.Predict(rows[i].Text, rows[i].Target);
            batch[i].Stance.ShouldBe(alone.Stance);
            batch[i].PFavor.ShouldBe(alone.PFavor, 1e-6);
            batch[i].PNone.ShouldBe(alone.PNone, 1e-6);
        }
    }

    [Fact]
    public async Task Predict_ManyThreadsAtOnce_AgreeWithSequentialPredictions()
    {
        var model = TestModels.Default;
        var rows = BootstrapCorpus.Load().Skip(100).Take(24).ToList();
        var expected = rows.Select(e => model.Predict(e.Text, e.Target).PFavor).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => rows.Select(e => model.Predict(e.Text, e.Target).PFavor).ToArray())));

        foreach (var result in results)
        {
            result.ShouldBe(expected);
        }
    }

    [Fact]
    public void Predict_PieceLongerThanAnyTrainingText_PoolsTheSentencesNamingTheTarget()
    {
        var model = TestModels.Default;
        var filler = string.Concat(Enumerable.Repeat("The weather was mild and the roads were open. ", model.Info.MaxSentences + 5));
        var text = filler + "Moscow's mediators deserve real credit for a disciplined mission. " + filler + "The Kremlin kept its promise to the villagers.";
        var catalog = new TargetCatalog(BootstrapCorpus.Targets);

        var p = model.Predict(StanceDocument.Create(text, catalog), [BootstrapCorpus.Targets[0]])[0];

        p.Evidence.Count.ShouldBeInRange(1, 2);
        p.Evidence.ShouldAllBe(e => e.Contains("Moscow") || e.Contains("Kremlin"));
        p.Stance.ShouldBe(Stance.Favor);
    }

    [Fact]
    public void Predict_TargetWithoutLabels_IsScoredByTheSharedModel()
    {
        var model = TestModels.Default;
        var armenia = new TargetDefinition("Armenia", ["Yerevan"]);

        model.HasOwnModel("Armenia").ShouldBeFalse();
        model.HasOwnModel("russia").ShouldBeTrue();
        var p = model.Predict("Yerevan deserves real credit for a disciplined, even-handed mission.", armenia);

        (p.PFavor + p.PAgainst + p.PNone).ShouldBe(1, 1e-6);
        p.Evidence.ShouldHaveSingleItem().ShouldContain("Yerevan");
    }

    [Fact]
    public void Predict_EmptyText_GivesAPredictionWithoutEvidence()
    {
        var p = TestModels.Default.Predict("", "Russia");

        (p.PFavor + p.PAgainst + p.PNone).ShouldBe(1, 1e-6);
        p.Evidence.ShouldBeEmpty();
    }

    [Fact]
    public void Predict_FourMegabyteText_IsScored()
    {
        var sentence = "Moscow's mediators deserve real credit for a disciplined mission. ";
        var text = new StringBuilder().Insert(0, sentence, (4 << 20) / sentence.Length).ToString();

        var p = TestModels.Default.Predict(text, "Russia");

        p.Stance.ShouldBe(Stance.Favor);
        p.Evidence.Count.ShouldBeLessThanOrEqualTo(StanceModel.MaxEvidence);
    }

    [Fact]
    public void Predict_MillionCharactersInOneSentence_IsScoredForEveryTarget()
    {
        // One endless "sentence" with a mention every few words: the old mention-to-token mapping was quadratic here.
        var text = new StringBuilder().Insert(0, "Moscow and Ankara talk while ", 1_000_000 / 29).ToString();
        // (Its time is measured by the benchmark 'model-figures long-text'; here it must simply finish.)
        var catalog = new TargetCatalog(BootstrapCorpus.Targets);

        var predictions = TestModels.Default.Predict(StanceDocument.Create(text, catalog), catalog.Targets);

        predictions.Count.ShouldBe(3);
        predictions[0].Evidence.ShouldNotBeEmpty();
    }
}
