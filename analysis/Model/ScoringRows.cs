namespace StanceBoard.Analysis.Model;

/// <summary>
/// The weights as prediction reads them: for each target (and for targets the model was not
/// trained on), one row of four floats per column — the three class weights as that target
/// sees them (shared + λ · own, summed once here instead of at every read) and the column's
/// IDF — so scoring a feature is one aligned 16-byte read from a table a quarter the size of
/// the stored weights. Built on first use per target; thread-safe.
/// </summary>
internal sealed class ScoringRows
{
    /// <summary>Floats per column in a row.</summary>
    public const int Stride = 4;

    private readonly float[] _weights;
    private readonly float[] _idf;
    private readonly int _copies;
    private readonly float _lambda;
    private readonly float[]?[] _rows;

    /// <param name="weights">The stored weights, index ((column · copies) + copy) · 3 + class.</param>
    /// <param name="idf">The IDF of each column.</param>
    /// <param name="copies">1 + the number of trained targets.</param>
    /// <param name="lambda">The scale of a target's own copy.</param>
    public ScoringRows(float[] weights, float[] idf, int copies, float lambda)
    {
        _weights = weights;
        _idf = idf;
        _copies = copies;
        _lambda = lambda;
        _rows = new float[]?[copies];
    }

    /// <summary>The row of trained target <paramref name="targetIndex"/>, or of the shared weights alone when it is −1.</summary>
    public float[] Row(int targetIndex)
    {
        var slot = targetIndex + 1;
        return Volatile.Read(ref _rows[slot]) ?? Interlocked.CompareExchange(ref _rows[slot], Build(targetIndex), null) ?? _rows[slot]!;
    }

    private float[] Build(int targetIndex)
    {
        var columns = _idf.Length;
        var row = new float[columns * Stride];
        var w = _weights;
        var lambda = _lambda;
        for (var col = 0; col < columns; col++)
        {
            var at = col * _copies * 3;
            var to = col * Stride;
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

            row[to + 3] = _idf[col];
        }

        return row;
    }
}
