using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Labelling;
using StanceBoard.Dashboard.Labelling.Agreement;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Tests.Labelling;

public sealed class GoldAndAgreementTests
{
    private static long _id;

    private static LabelRow Row(long unit, string target, string annotator, Stance stance, string origin = LabelOrigins.Queue, int minute = 0, params int[] evidence) =>
        new(
            new StoredLabel(++_id, unit, unit, target, stance, annotator, origin, false, evidence, null, new DateTimeOffset(2026, 1, 1, 0, minute, 0, TimeSpan.Zero), null, true),
            $"text of unit {unit}",
            $"Unit {unit}",
            null,
            null,
            null,
            LabelSplits.Train);

    [Fact]
    public void Resolve_OneAnnotatorOrUnanimous_IsGold_DisagreementIsNot_AdjudicationWins()
    {
        GoldLabels.Resolve([Row(1, "Russia", "ann", Stance.Favor)])!.Stance.ShouldBe(Stance.Favor);
        GoldLabels.Resolve([Row(2, "Russia", "ann", Stance.None), Row(2, "Russia", "bob", Stance.None)])!.Annotators.ShouldBe(["ann", "bob"]);
        GoldLabels.Resolve([Row(3, "Russia", "ann", Stance.Favor), Row(3, "Russia", "bob", Stance.Against)]).ShouldBeNull();
        var decided = GoldLabels.Resolve([Row(4, "Russia", "ann", Stance.Favor, evidence: [2]), Row(4, "Russia", "bob", Stance.Against, evidence: [5]), Row(4, "Russia", "root", Stance.Against, LabelOrigins.Adjudication)])!;
        decided.Stance.ShouldBe(Stance.Against);
        decided.Annotators.ShouldBe(["root"]);
        decided.Evidence.ShouldBe([5]); // the evidence of the side the decision agrees with
    }

    [Fact]
    public async Task Build_TwoRatersOnFiftyUnits_GivesTheTextbookKappaAndListsTheDisagreements()
    {
        // The 50 proposals of the kappa worked example, as favor/against labels of 50 pieces: κ = 0.4.
        var rows = new List<LabelRow>();
        var unit = 1000;
        void Add(Stance first, Stance second, int count)
        {
            for (var i = 0; i < count; i++, unit++)
            {
                rows.Add(Row(unit, "Turkey", "ann", first, minute: 1));
                rows.Add(Row(unit, "Turkey", "bob", second, minute: 2));
            }
        }

        Add(Stance.Favor, Stance.Favor, 20);
        Add(Stance.Favor, Stance.Against, 5);
        Add(Stance.Against, Stance.Favor, 10);
        Add(Stance.Against, Stance.Against, 15);
        rows.Add(Row(1, "Russia", "ann", Stance.None)); // one annotator only: not part of agreement
        rows.Add(Row(unit, "Turkey", "root", Stance.Favor, LabelOrigins.Adjudication, minute: 3));

        var report = await AgreementReport.BuildAsync(rows.ToAsyncEnumerable());

        var turkey = report.Targets.Single(t => t.Target == "Turkey");
        turkey.Units.ShouldBe(50);
        turkey.ObservedAgreement!.Value.ShouldBe(0.7, 1e-12);
        turkey.Kappa!.Value.ShouldBe(0.4, 1e-12);
        turkey.Alpha!.Value.ShouldBe(0.4, 0.02); // close to kappa with even marginals and 100 labels
        turkey.Disagreements.ShouldBe(15);
        report.Targets.Single(t => t.Target == AgreementReport.AllTargets).Units.ShouldBe(50);
        report.Targets.ShouldNotContain(t => t.Target == "Russia");
        report.OpenDisagreements.ShouldBe(15);
        report.Disagreements.ShouldAllBe(d => d.Labels.Count == 2 && d.Labels[0].Annotator == "ann");
    }

    [Fact]
    public async Task Build_AdjudicatedDisagreement_IsNoLongerOpen()
    {
        LabelRow[] rows = [Row(7, "Russia", "ann", Stance.Favor), Row(7, "Russia", "bob", Stance.None), Row(7, "Russia", "root", Stance.None, LabelOrigins.Adjudication)];

        var report = await AgreementReport.BuildAsync(rows.ToAsyncEnumerable());

        report.OpenDisagreements.ShouldBe(0);
        report.Targets.Single(t => t.Target == "Russia").Adjudicated.ShouldBe(1);
    }
}
