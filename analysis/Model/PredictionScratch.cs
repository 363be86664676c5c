using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Analysis.Model;

/// <summary>
/// Per-call working memory of a prediction, pooled so predicting allocates little. Keeps a
/// bounded cache of what each token contributes on its own (its hash, its unigram's slot and its
/// character n-grams' slots, see <see cref="ScoringRows"/>): that depends only on the token and
/// the model, and most tokens of a piece are common words.
/// </summary>
internal sealed class PredictionScratch(FeaturizerOptions options, ScoringRows rows)
{
    private const int MaxCachedTokens = 100_000;
    private readonly Dictionary<string, int[]> _features = new(StringComparer.Ordinal);

    public DocumentHasher Hasher { get; } = new(options, cacheTokens: false);

    public VectorBuilder Builder { get; } = new(rows.Count);

    public List<int> Buckets { get; } = new(1024);

    /// <summary>Final feature values by slot (only the touched slots are set).</summary>
    public float[] Values { get; } = new float[rows.Count];

    /// <summary>Index in <see cref="TokenFeatures"/> of the token's hash.</summary>
    public const int HashAt = 0;

    /// <summary>Index in <see cref="TokenFeatures"/> of the token's unigram slot (−1 when pruned or word n-grams do not start at 1).</summary>
    public const int UnigramAt = 1;

    /// <summary>Index in <see cref="TokenFeatures"/> of the first character n-gram slot.</summary>
    public const int CharsAt = 2;

    /// <summary>The masked tokens of the sentence being scored.</summary>
    public List<string> Masked { get; } = new(64);

    /// <summary>The <see cref="TokenFeatures"/> of each token of <see cref="Masked"/>.</summary>
    public List<int[]> Features { get; } = new(64);

    /// <summary>
    /// What <paramref name="token"/> contributes on its own: its n-gram hash (<see cref="NgramHashing.Token"/>)
    /// at <see cref="HashAt"/>, its unigram's slot at <see cref="UnigramAt"/>, and from <see cref="CharsAt"/>
    /// on the slots of its character n-grams that the model keeps, in the featurizer's order.
    /// </summary>
    public int[] TokenFeatures(string token)
    {
        if (_features.TryGetValue(token, out var features))
        {
            return features;
        }

        var hash = NgramHashing.Token(token);
        var unigram = -1;
        if (options.MinWordNgram <= 1 && options.MaxWordNgram >= 1)
        {
            unigram = rows.SlotOf((int)(NgramHashing.Combine(NgramHashing.Combine(NgramHashing.WordSeed, hash), 1) & (uint)Mask));
        }

        var buckets = options.CharNgramsWithinWords ? Hasher.CharBuckets(token) : [];
        Span<int> found = buckets.Length + CharsAt <= 256 ? stackalloc int[buckets.Length + CharsAt] : new int[buckets.Length + CharsAt];
        found[HashAt] = (int)hash;
        found[UnigramAt] = unigram;
        var count = CharsAt;
        foreach (var bucket in buckets)
        {
            var slot = rows.SlotOf(bucket);
            if (slot >= 0)
            {
                found[count++] = slot;
            }
        }

        features = found[..count].ToArray();
        if (_features.Count >= MaxCachedTokens)
        {
            _features.Clear();
        }

        _features[token] = features;
        return features;
    }

    private int Mask => (1 << options.HashBits) - 1;
}
