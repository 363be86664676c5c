using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Text;

namespace StanceBoard.Analysis.Training;

/// <summary>
/// Assigns examples to k folds, deterministically for a seed. Rows with the same text (one
/// text labelled for several targets) stay in one fold, so no text is both trained and tested
/// on; folds are stratified by stance by dealing the shuffled groups of each stance in turn.
/// </summary>
internal static class FoldAssigner
{
    /// <summary>The fold of each example, or <see langword="null"/> when there are fewer than two groups.</summary>
    public static int[]? Assign(IReadOnlyList<LabelledExample> examples, int folds, int seed)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < examples.Count; i++)
        {
            var key = TextFolding.Fold(examples[i].Text.Trim());
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                order.Add(key);
            }

            list.Add(i);
        }

        folds = Math.Min(folds, order.Count);
        if (folds < 2)
        {
            return null;
        }

        var random = new Random(seed);
        var shuffled = order.ToArray();
        random.Shuffle(shuffled);
        var assignment = new int[examples.Count];
        var next = 0;
        foreach (var bin in shuffled.GroupBy(k => examples[groups[k][0]].Stance).OrderBy(g => g.Key))
        {
            foreach (var key in bin)
            {
                foreach (var i in groups[key])
                {
                    assignment[i] = next;
                }

                next = (next + 1) % folds;
            }
        }

        return assignment;
    }
}
