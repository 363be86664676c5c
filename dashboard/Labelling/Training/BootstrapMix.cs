using StanceBoard.Analysis.Data;

namespace StanceBoard.Dashboard.Labelling.Training;

/// <summary>
/// Weights the bootstrap corpus by repetition, since the trainer has no per-row weights: weight w
/// includes ⌊w⌋ full copies plus a seeded random (w − ⌊w⌋) share of the rows, so round(w · n) rows in all.
/// </summary>
public static class BootstrapMix
{
    public const double MaxWeight = 5;

    public static IReadOnlyList<LabelledExample> Take(IReadOnlyList<LabelledExample> corpus, double weight, int seed)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weight, MaxWeight);
        var whole = (int)Math.Floor(weight);
        var rows = new List<LabelledExample>((int)Math.Ceiling(weight * corpus.Count));
        for (var i = 0; i < whole; i++)
        {
            rows.AddRange(corpus);
        }

        var extra = (int)Math.Round((weight - whole) * corpus.Count);
        if (extra > 0)
        {
            var order = Enumerable.Range(0, corpus.Count).ToArray();
            new Random(seed).Shuffle(order);
            rows.AddRange(order.Take(extra).Order().Select(i => corpus[i]));
        }

        return rows;
    }
}
