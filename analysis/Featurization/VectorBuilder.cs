using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// Accumulates the term counts of a text (and of the target's context) over a dense scratch
/// space and turns them into the final TF-IDF vector. Not thread-safe: one per thread or call.
/// </summary>
internal sealed class VectorBuilder(int columns)
{
    /// <summary>1 + ln(k) for whole counts k below its length: the sublinear term frequency without a call in the scoring loop.</summary>
    private static readonly float[] SublinearTf = MakeSublinearTable(1024);

    private readonly float[] _document = new float[columns];
    private readonly float[] _context = new float[columns];

    /// <summary>The columns counted so far, in the order first counted; a column is counted at most once between clears, so this never grows.</summary>
    private readonly int[] _touched = new int[columns];
    private int _count;

    /// <summary>The number of distinct columns counted so far.</summary>
    public int Count => _count;

    public float DocumentCount(int column) => _document[column];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddDocument(int column, float count)
    {
        ref var slot = ref _document[column];
        if (slot == 0)
        {
            _touched[_count++] = column;
        }

        slot += count;
    }

    /// <summary>Counts each of <paramref name="columns"/> once in the document, as <see cref="AddDocument(int, float)"/> with a count of 1 would one by one.</summary>
    public void AddDocument(ReadOnlySpan<int> columns)
    {
        var document = _document;
        var touched = _touched;
        var count = _count;
        foreach (var column in columns)
        {
            ref var slot = ref document[column];
            if (slot == 0)
            {
                touched[count++] = column;
            }

            slot += 1;
        }

        _count = count;
    }

    /// <summary>Counts a context term; the caller also counts it in the document.</summary>
    public void AddContext(int column, float count) => _context[column] += count;

    /// <summary>
    /// The L2-normalised TF-IDF vector: the document's alone, or, when <paramref name="hasContext"/>,
    /// normalise(w · context + (1 − w) · document) with each part normalised first.
    /// </summary>
    public (int[] Columns, float[] Values) Build(float[] idf, FeaturizerOptions options, bool hasContext)
    {
        var cols = new int[_count];
        var vals = new float[_count];
        Build(idf, options, hasContext, cols, vals);
        return (cols, vals);
    }

    /// <summary>Writes the vector into <paramref name="cols"/> and <paramref name="vals"/> (at least <see cref="Count"/> long); returns its length.</summary>
    public int Build(float[] idf, FeaturizerOptions options, bool hasContext, Span<int> cols, Span<float> vals)
    {
        var n = _count;
        double docNorm = 0, ctxNorm = 0;
        for (var i = 0; i < n; i++)
        {
            var col = _touched[i];
            cols[i] = col;
            var d = Weigh(_document[col], idf[col], options.SublinearTf);
            vals[i] = d;
            docNorm += d * d;
            if (hasContext && _context[col] > 0)
            {
                var c = Weigh(_context[col], idf[col], options.SublinearTf);
                ctxNorm += c * c;
            }
        }

        if (n == 0 || docNorm == 0)
        {
            return n;
        }

        var docScale = 1.0 / Math.Sqrt(docNorm);
        if (!hasContext || ctxNorm == 0)
        {
            for (var i = 0; i < n; i++)
            {
                vals[i] = (float)(vals[i] * docScale);
            }

            return n;
        }

        var w = options.ContextWeight;
        var ctxScale = w / Math.Sqrt(ctxNorm);
        docScale *= 1 - w;
        double norm = 0;
        for (var i = 0; i < n; i++)
        {
            var col = cols[i];
            var c = _context[col] > 0 ? Weigh(_context[col], idf[col], options.SublinearTf) : 0;
            var v = (vals[i] * docScale) + (c * ctxScale);
            vals[i] = (float)v;
            norm += v * v;
        }

        var scale = norm > 0 ? 1.0 / Math.Sqrt(norm) : 0;
        for (var i = 0; i < n; i++)
        {
            vals[i] = (float)(vals[i] * scale);
        }

        return n;
    }

    /// <summary>
    /// Scores the counted document (no context) without materialising it: for each class c,
    /// Σ_f x_f · w(f, c) over the L2-normalised TF-IDF vector x, reading w(f, ·) and idf_f from
    /// <paramref name="row"/> (see <see cref="Model.ScoringRows"/>); the counts are cleared.
    /// Margins are linear in x, so the sum is taken over the raw weights and divided by the norm once.
    /// </summary>
    public void ScoreAndClear(float[] row, bool sublinear, Span<double> sums)
    {
        var touched = _touched.AsSpan(0, _count);
        if (Avx.IsSupported)
        {
            ScoreAvx(touched, row, sublinear, sums);
        }
        else
        {
            ScoreScalar(touched, row, sublinear, sums);
        }

        _count = 0;
    }

    /// <summary>
    /// The scoring loop, clearing each count once read: a feature's four floats are widened to
    /// doubles in one instruction and summed in one 256-bit register (lane 3, the IDF's, is not
    /// read). Each lane sees the same operations in the same order as <see cref="ScoreScalar"/>,
    /// so the sums are the same bit for bit.
    /// </summary>
    private void ScoreAvx(ReadOnlySpan<int> touched, float[] row, bool sublinear, Span<double> sums)
    {
        var s = Vector256<double>.Zero;
        double norm = 0;
        var document = _document;
        ref var weights = ref MemoryMarshal.GetArrayDataReference(row);
        foreach (var col in touched)
        {
            ref var count = ref document[col];
            ref var w = ref Unsafe.Add(ref weights, (nint)(uint)col * Model.ScoringRows.Stride);
            var x = Tf(count, sublinear) * Unsafe.Add(ref w, 3);
            count = 0;
            norm += x * x;
            s += Vector256.Create((double)x) * Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref w));
        }

        Normalise(s.GetElement(0), s.GetElement(1), s.GetElement(2), norm, sums);
    }

    private void ScoreScalar(ReadOnlySpan<int> touched, float[] row, bool sublinear, Span<double> sums)
    {
        double s0 = 0, s1 = 0, s2 = 0, norm = 0;
        var document = _document;
        foreach (var col in touched)
        {
            var at = col * Model.ScoringRows.Stride;
            var x = Tf(document[col], sublinear) * row[at + 3];
            document[col] = 0;
            norm += x * x;
            double value = x;
            s0 += value * row[at];
            s1 += value * row[at + 1];
            s2 += value * row[at + 2];
        }

        Normalise(s0, s1, s2, norm, sums);
    }

    /// <summary>The term frequency weight of a count: from <see cref="SublinearTf"/> for whole counts below its length, else 1 + ln(count) (or the count itself when not sublinear or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Tf(float count, bool sublinear)
    {
        var table = SublinearTf;
        var whole = (uint)count;
        if (sublinear && whole < (uint)table.Length && whole == count)
        {
            return table[whole];
        }

        return count == 1f || !sublinear ? count : 1f + MathF.Log(count);
    }

    private static void Normalise(double s0, double s1, double s2, double norm, Span<double> sums)
    {
        var scale = norm > 0 ? 1 / Math.Sqrt(norm) : 1;
        sums[0] = s0 * scale;
        sums[1] = s1 * scale;
        sums[2] = s2 * scale;
    }

    private static float[] MakeSublinearTable(int length)
    {
        var table = new float[length];
        for (var k = 1; k < length; k++)
        {
            table[k] = k == 1 ? 1f : 1f + MathF.Log(k);
        }

        return table;
    }

    public void Clear()
    {
        foreach (var col in _touched.AsSpan(0, _count))
        {
            _document[col] = 0;
            _context[col] = 0;
        }

        _count = 0;
    }

    private static float Weigh(float count, float idf, bool sublinear) =>
        (sublinear ? 1f + MathF.Log(count) : count) * idf;
}
