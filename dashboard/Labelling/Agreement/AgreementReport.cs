using StanceBoard.Analysis.Agreement;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Labelling.Agreement;

/// <summary>Agreement per target and overall, and the open disagreements, from the current labels.</summary>
/// <param name="Targets">Per target, then "all" (every target pooled).</param>
/// <param name="Disagreements">Units waiting for adjudication, oldest first (at most <see cref="MaxListed"/>).</param>
/// <param name="OpenDisagreements">How many are waiting in all.</param>
public sealed record AgreementReport(IReadOnlyList<TargetAgreement> Targets, IReadOnlyList<Disagreement> Disagreements, int OpenDisagreements)
{
    public const int MaxListed = 200;
    public const string AllTargets = "all";

    /// <summary>Builds the report from current labels.</summary>
    public static async Task<AgreementReport> BuildAsync(IAsyncEnumerable<LabelRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var groups = new Dictionary<(long Unit, string Target), List<LabelRow>>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (!row.Label.IsCurrent)
            {
                continue;
            }

            var key = (row.Label.UnitId, row.Label.Target.ToUpperInvariant());
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(row);
        }

        var shared = groups.Values
            .Select(g => (All: g, Annotators: g.Where(l => l.Label.Origin != LabelOrigins.Adjudication).OrderBy(l => l.Label.CreatedUtc).ThenBy(l => l.Label.Id).ToList()))
            .Where(g => g.Annotators.Count >= 2)
            .ToList();
        var perTarget = shared
            .GroupBy(g => g.Annotators[0].Label.Target, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => Measure(g.Key, g.ToList()))
            .ToList();
        perTarget.Add(Measure(AllTargets, shared));

        var open = shared
            .Where(g => g.Annotators.Select(l => l.Label.Stance).Distinct().Count() > 1 && g.All.All(l => l.Label.Origin != LabelOrigins.Adjudication))
            .OrderBy(g => g.Annotators[^1].Label.CreatedUtc)
            .ToList();
        var listed = open.Take(MaxListed)
            .Select(g => new Disagreement(g.Annotators[0].Label.UnitId, g.Annotators[0].Label.PieceId, g.Annotators[0].Title, g.Annotators[0].Label.Target, g.Annotators.Select(DisagreementLabel.From).ToArray()))
            .ToArray();
        return new AgreementReport(perTarget, listed, open.Count);
    }

    private static TargetAgreement Measure(string target, IReadOnlyList<(List<LabelRow> All, List<LabelRow> Annotators)> units)
    {
        if (units.Count == 0)
        {
            return new TargetAgreement(target, 0, null, null, 0, null, 0, 0, 0);
        }

        var agreed = units.Count(u => u.Annotators.Select(l => l.Label.Stance).Distinct().Count() == 1);
        var kappa = CohensKappa.Compute(units.Select(u => (Text(u.Annotators[0]), Text(u.Annotators[1]))));
        var alpha = KrippendorffAlpha.Nominal(units.Select(u => (IReadOnlyList<string>)u.Annotators.Select(Text).ToList()));
        var adjudicated = units.Count(u => u.All.Any(l => l.Label.Origin == LabelOrigins.Adjudication));
        return new TargetAgreement(
            target,
            units.Count,
            (double)agreed / units.Count,
            kappa.Kappa,
            kappa.Units,
            alpha.Alpha,
            alpha.PairableValues,
            units.Count - agreed,
            adjudicated);
    }

    private static string Text(LabelRow row) => StanceText.ToText(row.Label.Stance);
}
