namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// The pruned feature space: the hash buckets seen in at least <see cref="FeaturizerOptions.MinDocumentFrequency"/>
/// training texts, each mapped to a column, with its smoothed inverse document frequency
/// idf = ln((1 + n) / (1 + df)) + 1. Immutable.
/// </summary>
internal sealed class Vocabulary
{
    private readonly int[] _columns;

    public Vocabulary(int[] buckets, float[] idf, int hashBits)
    {
        if (buckets.Length != idf.Length)
        {
            throw new ArgumentException("buckets and idf differ in length", nameof(idf));
        }

        Buckets = buckets;
        Idf = idf;
        _columns = new int[1 << hashBits];
        Array.Fill(_columns, -1);
        for (var i = 0; i < buckets.Length; i++)
        {
            _columns[buckets[i]] = i;
        }
    }

    /// <summary>The kept buckets, ascending; column i is bucket <c>Buckets[i]</c>.</summary>
    public int[] Buckets { get; }

    public float[] Idf { get; }

    public int Count => Buckets.Length;

    /// <summary>The column of <paramref name="bucket"/>, or −1 when it was pruned; one array read.</summary>
    public int ColumnOf(int bucket) => _columns[bucket];

    /// <summary>Builds the vocabulary of the examples at <paramref name="rows"/>.</summary>
    public static Vocabulary Build(IReadOnlyList<HashedExample> examples, ReadOnlySpan<int> rows, FeaturizerOptions options, int[] dfScratch)
    {
        Array.Clear(dfScratch);
        var seen = new List<int>();
        foreach (var row in rows)
        {
            foreach (var key in examples[row].Document.Keys)
            {
                if (dfScratch[key]++ == 0)
                {
                    seen.Add(key);
                }
            }
        }

        var kept = seen.Where(k => dfScratch[k] >= options.MinDocumentFrequency).ToList();
        if (options.MaxFeatures > 0 && kept.Count > options.MaxFeatures)
        {
            kept = kept.OrderByDescending(k => dfScratch[k]).ThenBy(k => k).Take(options.MaxFeatures).ToList();
        }

        kept.Sort();
        var n = rows.Length;
        var idf = new float[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            idf[i] = (float)(Math.Log((1.0 + n) / (1.0 + dfScratch[kept[i]])) + 1.0);
        }

        return new Vocabulary([.. kept], idf, options.HashBits);
    }
}
