using System.Numerics;
using System.Runtime.CompilerServices;

namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// The pruned feature space: the hash buckets seen in at least <see cref="FeaturizerOptions.MinDocumentFrequency"/>
/// training texts, each mapped to a column, with its smoothed inverse document frequency
/// idf = ln((1 + n) / (1 + df)) + 1. Immutable.
/// </summary>
/// <remarks>
/// Columns are the kept buckets in ascending order, so a bucket's column is its rank among them:
/// one 64-bit word of presence bits per 64 buckets plus the number of kept buckets before that
/// word (2^bits / 64 × 16 bytes, 256 KB at 20 bits instead of a 4 MB bucket-to-column table),
/// which keeps the lookup of a word n-gram's column in the cache.
/// </remarks>
internal sealed class Vocabulary
{
    private readonly RankWord[] _ranks;

    public Vocabulary(int[] buckets, float[] idf, int hashBits)
    {
        if (buckets.Length != idf.Length)
        {
            throw new ArgumentException("buckets and idf differ in length", nameof(idf));
        }

        Buckets = buckets;
        Idf = idf;
        _ranks = new RankWord[Math.Max(1, (1 << hashBits) >> 6)];
        for (var i = 0; i < buckets.Length; i++)
        {
            var bucket = buckets[i];
            if ((uint)bucket >= 1u << hashBits || (i > 0 && bucket <= buckets[i - 1]))
            {
                throw new ArgumentException("buckets must be ascending and within the hash space", nameof(buckets));
            }

            _ranks[bucket >> 6].Bits |= 1UL << (bucket & 63);
        }

        var before = 0;
        for (var w = 0; w < _ranks.Length; w++)
        {
            _ranks[w].Before = before;
            before += BitOperations.PopCount(_ranks[w].Bits);
        }
    }

    /// <summary>The kept buckets, ascending; column i is bucket <c>Buckets[i]</c>.</summary>
    public int[] Buckets { get; }

    public float[] Idf { get; }

    public int Count => Buckets.Length;

    /// <summary>
    /// The columns from the most to the least frequent in training (lowest IDF first, ties by
    /// column): numbering features in this order puts the ones nearly every text has next to
    /// each other, so the weights a text touches share cache lines.
    /// </summary>
    public int[] FrequencyOrder()
    {
        // IDFs are positive, so their bit patterns order as they do; the column breaks ties.
        var keys = new long[Idf.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)BitConverter.SingleToInt32Bits(Idf[i]) << 32) | (uint)i;
        }

        Array.Sort(keys);
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = (int)(uint)keys[i];
        }

        return order;
    }

    /// <summary>The column of <paramref name="bucket"/>, or −1 when it was pruned; one cache line read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ColumnOf(int bucket)
    {
        ref readonly var word = ref _ranks[bucket >> 6];
        var bit = 1UL << (bucket & 63);
        return (word.Bits & bit) == 0 ? -1 : word.Before + BitOperations.PopCount(word.Bits & (bit - 1));
    }

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

    /// <summary>Presence bits of 64 buckets and the number of kept buckets below them.</summary>
    private struct RankWord
    {
        public ulong Bits;
        public int Before;
    }
}
