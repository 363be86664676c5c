using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Evaluation;

/// <summary>Counts of (gold stance, predicted stance) pairs. Rows and columns follow <see cref="Order"/>.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts = new int[3, 3];

    /// <summary>The order of rows (gold) and columns (predicted): favor, against, none.</summary>
    public static IReadOnlyList<Stance> Order { get; } = [Stance.Favor, Stance.Against, Stance.None];

    /// <summary>The number of pairs counted.</summary>
    public int Total { get; private set; }

    /// <summary>Counts one pair.</summary>
    public void Add(Stance gold, Stance predicted)
    {
        _counts[(int)gold, (int)predicted]++;
        Total++;
    }

    /// <summary>How many examples labelled <paramref name="gold"/> were predicted <paramref name="predicted"/>.</summary>
    public int Count(Stance gold, Stance predicted) => _counts[(int)gold, (int)predicted];

    /// <summary>The counts as rows (gold) of columns (predicted), both in <see cref="Order"/>.</summary>
    public int[][] ToRows() => Order.Select(g => Order.Select(p => Count(g, p)).ToArray()).ToArray();

    /// <summary>F1 of <paramref name="stance"/> taken as the positive class; 0 when it is neither predicted nor present.</summary>
    public double F1(Stance stance)
    {
        var tp = Count(stance, stance);
        var predicted = Order.Sum(g => Count(g, stance));
        var actual = Order.Sum(p => Count(stance, p));
        if (tp == 0)
        {
            return 0;
        }

        var precision = (double)tp / predicted;
        var recall = (double)tp / actual;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>The share of pairs whose prediction equals the gold label; 0 when empty.</summary>
    public double Accuracy => Total == 0 ? 0 : (double)Order.Sum(s => Count(s, s)) / Total;
}
