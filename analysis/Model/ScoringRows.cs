using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Analysis.Model;

/// <summary>
/// The weights as prediction reads them. Prediction works on <em>slots</em>, the vocabulary's
/// columns renumbered from the most to the least frequent in training (by IDF), so the
/// features that nearly every text has share a few cache lines and the rest fall where
/// they may. Per target (and for targets the model was not trained on) there is one row of four
/// floats per slot — the three class weights as that target sees them (shared + λ · own, summed
/// once here instead of at every read) and the IDF — so scoring a feature is one aligned
/// 16-byte read. Rows are built on first use per target; thread-safe.
/// </summary>
internal sealed class ScoringRows
{
    /// <summary>Floats per slot in a row.</summary>
    public const int Stride = 4;

    private readonly float[] _weights;
    private readonly Vocabulary _vocabulary;
    private readonly int _copies;
    private readonly float _lambda;
    private readonly float[]?[] _rows;
    private readonly int[] _slotOfColumn;
    private readonly int[] _columnOfSlot;

    /// <param name="weights">The stored weights, index ((column · copies) + copy) · 3 + class.</param>
    /// <param name="vocabulary">The columns and their IDF.</param>
    /// <param name="copies">1 + the number of trained targets.</param>
    /// <param name="lambda">The scale of a target's own copy.</param>
    public ScoringRows(float[] weights, Vocabulary vocabulary, int copies, float lambda)
    {
        _weights = weights;
        _vocabulary = vocabulary;
        _copies = copies;
        _lambda = lambda;
        _rows = new float[]?[copies];
        var idf = vocabulary.Idf;
        _columnOfSlot = vocabulary.FrequencyOrder();
        _slotOfColumn = new int[idf.Length];
        Idf = new float[idf.Length];
        for (var slot = 0; slot < _columnOfSlot.Length; slot++)
        {
            _slotOfColumn[_columnOfSlot[slot]] = slot;
            Idf[slot] = idf[_columnOfSlot[slot]];
        }
    }

    /// <summary>The number of slots (the vocabulary's size).</summary>
    public int Count => _slotOfColumn.Length;

    /// <summary>The IDF of each slot.</summary>
    public float[] Idf { get; }

    /// <summary>The slot of hash bucket <paramref name="bucket"/>, or −1 when the vocabulary pruned it.</summary>
    public int SlotOf(int bucket)
    {
        var column = _vocabulary.ColumnOf(bucket);
        return column < 0 ? -1 : _slotOfColumn[column];
    }

    /// <summary>The vocabulary column of <paramref name="slot"/>.</summary>
    public int ColumnOf(int slot) => _columnOfSlot[slot];

    /// <summary>The row of trained target <paramref name="targetIndex"/>, or of the shared weights alone when it is −1.</summary>
    public float[] Row(int targetIndex)
    {
        var at = targetIndex + 1;
        return Volatile.Read(ref _rows[at]) ?? Interlocked.CompareExchange(ref _rows[at], Build(targetIndex), null) ?? _rows[at]!;
    }

    private float[] Build(int targetIndex)
    {
        var row = new float[Count * Stride];
        var w = _weights;
        var lambda = _lambda;
        for (var slot = 0; slot < Count; slot++)
        {
            var at = _columnOfSlot[slot] * _copies * 3;
            var to = slot * Stride;
            if (targetIndex >= 0)
            {
                var own = at + ((1 + targetIndex) * 3);
                row[to] = w[at] + (lambda * w[own]);
                row[to + 1] = w[at + 1] + (lambda * w[own + 1]);
                row[to + 2] = w[at + 2] + (lambda * w[own + 2]);
            }
            else
            {
                row[to] = w[at];
                row[to + 1] = w[at + 1];
                row[to + 2] = w[at + 2];
            }

            row[to + 3] = Idf[slot];
        }

        return row;
    }
}
