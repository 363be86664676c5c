using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Tests.Model;

public sealed class StanceClassifierTests
{
    private const string Piece =
        "The ceasefire has now held for a year.\n\n" +
        "Analysts disagree about what comes next for the region. Trade routes are being rebuilt.\n\n" +
        "Moscow's mediators kept the corridor open and deserve real credit for a disciplined, even-handed mission. " +
        "Ankara, by contrast, did everything it could to keep the sides on the battlefield and its boasting has been tasteless. " +
        "The weather in the mountains was cold. Roads were closed for a week.";

    private static readonly TargetCatalog Catalog = new(BootstrapCorpus.Targets);

    [Theory]
    [InlineData("Moscow's mediators deserve credit for keeping the corridor open.", "Russia")]
    [InlineData("Ankara's boasting about its drones was tasteless and dangerous.", "Turkey")]
    [InlineData("Baku announced plans to rebuild the town, officials said.", "Azerbaijan")]
    [InlineData("A text about something else entirely.", "Armenia")]
    [InlineData("", "Russia")]
    public void Predict_AnyText_ProbabilitiesSumToOneAndScoreIsTheirDifference(string text, string target)
    {
        var prediction = TestModels.Default.Predict(text, target);

        (prediction.PFavor + prediction.PAgainst + prediction.PNone).ShouldBe(1.0, 1e-9);
        new[] { prediction.PFavor, prediction.PAgainst, prediction.PNone }.ShouldAllBe(p => p >= 0 && p <= 1);
        prediction.Score.ShouldBe(prediction.PFavor - prediction.PAgainst, 1e-12);
        var max = Math.Max(prediction.PFavor, Math.Max(prediction.PAgainst, prediction.PNone));
        (prediction.Stance switch { Stance.Favor => prediction.PFavor, Stance.Against => prediction.PAgainst, _ => prediction.PNone }).ShouldBe(max);
    }

    [Fact]
    public void Predict_LongPieceMentioningTwoTargets_TellsTheirStancesApart()
    {
        StanceDocument.Create(Piece, Catalog).Sentences.Count.ShouldBeGreaterThan(TestModels.Default.Training.MaxSentences, "the piece must take the long-text path");

        var predictions = TestModels.Default.Predict(StanceDocument.Create(Piece, Catalog), Catalog.Targets.Take(2).ToList());

        predictions[0].Stance.ShouldBe(Stance.Favor);
        predictions[1].Stance.ShouldBe(Stance.Against);
    }

    [Fact]
    public void Predict_LongPiece_EvidenceSentencesMentionTheTarget()
    {
        var document = StanceDocument.Create(Piece, Catalog);

        var predictions = TestModels.Default.Predict(document, Catalog.Targets.Take(2).ToList());

        predictions[0].Evidence.ShouldNotBeEmpty();
        predictions[0].Evidence.ShouldAllBe(s => s.Contains("Moscow"));
        predictions[1].Evidence.ShouldNotBeEmpty();
        predictions[1].Evidence.ShouldAllBe(s => s.Contains("Ankara"));
    }

    [Fact]
    public void Predict_TextWithoutMentions_EvidenceComesFromTheWholeText()
    {
        var prediction = TestModels.Default.Predict("They deserve credit. The mission was disciplined.", "Russia");

        prediction.Evidence.ShouldNotBeEmpty();
        prediction.Evidence.ShouldAllBe(s => s == "They deserve credit." || s == "The mission was disciplined.");
    }

    [Fact]
    public void Predict_DocumentAndTextPaths_Agree()
    {
        var target = Catalog.Targets[0];

        var viaText = TestModels.Default.Predict(Piece, target);
        var viaDocument = TestModels.Default.Predict(StanceDocument.Create(Piece, Catalog), [target])[0];

        viaDocument.PFavor.ShouldBe(viaText.PFavor, 1e-12);
        viaDocument.Evidence.ShouldBe(viaText.Evidence);
    }

    [Fact]
    public void Predict_ManyThreadsAtOnce_GiveTheSameAnswersAsOneThread()
    {
        var model = TestModels.Default;
        var texts = BootstrapCorpus.Load().Take(200).ToArray();
        var expected = texts.Select(e => model.Predict(e.Text, e.Target).PFavor).ToArray();

        var actual = new double[texts.Length];
        Parallel.For(0, texts.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            actual[i % texts.Length] = model.Predict(texts[i % texts.Length].Text, texts[i % texts.Length].Target).PFavor);

        actual.ShouldBe(expected);
    }

    [Fact]
    public void WithVersion_KeepsPredictionsAndChangesOnlyTheVersion()
    {
        var renamed = TestModels.Synthetic.WithVersion("v7");

        renamed.Version.ShouldBe("v7");
        renamed.Predict("Analysts praised Turkey on tuesday.", "Turkey").ShouldBeEquivalentTo(TestModels.Synthetic.Predict("Analysts praised Turkey on tuesday.", "Turkey"));
    }

    [Fact]
    public void Predict_UnknownTarget_UsesSharedWeightsAndStillWorks()
    {
        var model = TestModels.Synthetic;

        var prediction = model.Predict("Observers condemned Armenia after the summit.", new TargetDefinition("Armenia", []));

        prediction.Stance.ShouldBe(Stance.Against);
    }
}
