using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Tests.Corpus;

public sealed class BootstrapCorpusTests
{
    [Fact]
    public void Load_HasAtLeast600RowsBalancedOverTargetsAndStances()
    {
        var data = BootstrapCorpus.Load();

        data.Count.ShouldBeGreaterThanOrEqualTo(600);
        var cells = data.GroupBy(e => (e.Target, e.Stance)).ToDictionary(g => g.Key, g => g.Count());
        cells.Count.ShouldBe(9);
        cells.Values.Min().ShouldBeGreaterThanOrEqualTo((int)(cells.Values.Max() * 0.8));
    }

    [Fact]
    public void Load_EveryRowMentionsItsTarget()
    {
        var catalog = new TargetCatalog(BootstrapCorpus.Targets);

        var unmentioned = BootstrapCorpus.Load()
            .Where(e => !StanceDocument.Create(e.Text, catalog).Mentions.Any(m => m.Target == e.Target))
            .Select(e => e.Text)
            .ToList();

        unmentioned.ShouldBeEmpty();
    }

    [Fact]
    public void Load_TextsWithSeveralTargetsCarryOneLabelPerTarget()
    {
        var duplicates = BootstrapCorpus.Load()
            .GroupBy(e => (e.Text, e.Target))
            .Where(g => g.Count() > 1)
            .ToList();

        duplicates.ShouldBeEmpty();
        BootstrapCorpus.Load().GroupBy(e => e.Text).Count(g => g.Count() > 1).ShouldBeGreaterThan(100);
    }

    [Fact]
    public void DefaultModel_ScoresHeldOutStyleSentencesPlausibly()
    {
        var model = TestModels.Default;

        model.Predict("It would be unfair to deny that the Kremlin's mediators did a disciplined, even-handed job.", "Russia").Stance.ShouldBe(Stance.Favor);
        model.Predict("Ankara's reckless cheerleading made the war longer and bloodier.", "Turkey").Stance.ShouldBe(Stance.Against);
        model.Predict("The Azerbaijani delegation arrived in Geneva on Monday, officials said.", "Azerbaijan").Stance.ShouldBe(Stance.None);
    }
}
