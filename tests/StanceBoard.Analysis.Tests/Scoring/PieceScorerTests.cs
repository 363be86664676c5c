using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Tests.Scoring;

public sealed class PieceScorerTests
{
    private const string Piece =
        "Notes from the region\n\nMoscow's mediators kept the corridor open and deserve real credit for it. " +
        "The roads were closed for a week. Observers in Ankara said little.";

    [Fact]
    public void Score_WithModel_ScoresOnlyMentionedTargetsWithModelVersionAndEvidence()
    {
        var sut = CreateSut(TestModels.Default);

        var scores = sut.Score(Piece);

        scores.Select(s => s.Target).ShouldBe(["Russia", "Turkey"]);
        var russia = scores[0];
        russia.Stance.ShouldBe(Stance.Favor);
        russia.ModelVersion.ShouldBe(TestModels.Default.Version);
        russia.Score.ShouldNotBeNull().ShouldBe(russia.Probabilities!.Favor - russia.Probabilities.Against, 1e-12);
        russia.Evidence.ShouldAllBe(e => e.Contains("Moscow"));
        russia.MentionSpans.ShouldHaveSingleItem().ShouldBe(new TextSpan(Piece.IndexOf("Moscow", StringComparison.Ordinal), 6));
    }

    [Fact]
    public void Score_SameAsPredictingEachTargetAlone()
    {
        var sut = CreateSut(TestModels.Default);

        var scores = sut.Score(Piece);

        foreach (var score in scores)
        {
            sut.Targets.TryGet(score.Target, out var target).ShouldBeTrue();
            var alone = TestModels.Default.Predict(Piece, target);
            score.Probabilities!.Favor.ShouldBe(alone.PFavor, 1e-6);
        }
    }

    [Fact]
    public void Score_Batch_EqualsScoringEachPieceAlone()
    {
        var sut = CreateSut(TestModels.Default);
        string[] pieces = [Piece, "Nothing here.", "Baku's negotiators walked out of the talks in anger. Ankara cheered them on."];

        var batch = sut.Score(pieces);

        batch.Count.ShouldBe(3);
        batch[1].ShouldBeEmpty();
        for (var i = 0; i < pieces.Length; i++)
        {
            var alone = sut.Score(pieces[i]);
            batch[i].Select(s => (s.Target, s.Stance)).ShouldBe(alone.Select(s => (s.Target, s.Stance)));
            batch[i].Select(s => s.Probabilities!.Favor).ShouldBe(alone.Select(s => s.Probabilities!.Favor), tolerance: 1e-6);
        }
    }

    [Fact]
    public void Score_PieceMentioningNoTarget_GivesNoScores()
    {
        CreateSut(TestModels.Default).Score("A piece about the weather. Nothing else.").ShouldBeEmpty();
    }

    [Fact]
    public void Score_WithoutModel_GivesMentionsAndMentioningSentencesOnly()
    {
        var scores = CreateSut(null).Score(Piece);

        scores[0].Stance.ShouldBeNull();
        scores[0].Evidence.ShouldBe(["Moscow's mediators kept the corridor open and deserve real credit for it."]);
    }

    private static PieceScorer CreateSut(IStanceModel? model) => new(new TargetCatalog(BootstrapCorpus.Targets), model);
}
