using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Labelling;

/// <summary>
/// Turns current labels into gold labels, per unit and target: an admin's adjudication wins;
/// otherwise the stance every annotator gave; units the annotators disagree on have no gold
/// label until an admin adjudicates them (they are listed as disagreements).
/// </summary>
public static class GoldLabels
{
    /// <summary>The gold labels of <paramref name="rows"/> (current labels, in any order).</summary>
    public static async Task<IReadOnlyList<GoldLabel>> ResolveAsync(IAsyncEnumerable<LabelRow> rows, CancellationToken cancellationToken = default) =>
        (await ResolveWithDisagreementsAsync(rows, cancellationToken)).Gold;

    /// <summary>The gold labels of <paramref name="rows"/>, and how many unit–target pairs have none because their annotators disagree.</summary>
    public static async Task<(IReadOnlyList<GoldLabel> Gold, int Disagreements)> ResolveWithDisagreementsAsync(IAsyncEnumerable<LabelRow> rows, CancellationToken cancellationToken = default)
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

        var gold = new List<GoldLabel>(groups.Count);
        var disagreements = 0;
        foreach (var list in groups.Values)
        {
            if (Resolve(list) is { } label)
            {
                gold.Add(label);
            }
            else
            {
                disagreements++;
            }
        }

        return (gold.OrderBy(g => g.UnitId).ThenBy(g => g.Target, StringComparer.OrdinalIgnoreCase).ToArray(), disagreements);
    }

    /// <summary>The gold label of one unit and target's current labels, or <see langword="null"/> when they disagree unadjudicated.</summary>
    public static GoldLabel? Resolve(IReadOnlyList<LabelRow> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            return null;
        }

        var first = labels[0];
        var decisions = labels.Where(l => l.Label.Origin == LabelOrigins.Adjudication).OrderBy(l => l.Label.Id).ToList();
        if (decisions.Count > 0)
        {
            var decision = decisions[^1];
            var agreeing = labels.Where(l => l.Label.Stance == decision.Label.Stance);
            return new GoldLabel(first.Label.UnitId, first.Label.PieceId, first.Label.Target, decision.Label.Stance, first.Text, first.Split, [decision.Label.Annotator], decision.Label.CreatedUtc, Evidence(agreeing));
        }

        var stances = labels.Select(l => l.Label.Stance).Distinct().ToList();
        return stances.Count != 1
            ? null
            : new GoldLabel(
                first.Label.UnitId,
                first.Label.PieceId,
                first.Label.Target,
                stances[0],
                first.Text,
                first.Split,
                labels.Select(l => l.Label.Annotator).ToArray(),
                labels.Max(l => l.Label.CreatedUtc),
                Evidence(labels));
    }

    private static int[] Evidence(IEnumerable<LabelRow> labels) => labels.SelectMany(l => l.Label.Evidence).Distinct().Order().ToArray();
}
