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

    /// <summary>The <see cref="TokenFeatures(string)"/> of the current document's tokens by position, set on first use.</summary>
    private int[]?[] _byPosition = [];
    private TokenizedDocument? _document;

    public DocumentHasher Hasher { get; } = new(options, cacheTokens: false);

    public VectorBuilder Builder { get; } = new(rows.Count);

    public List<int> Buckets { get; } = new(1024);

    /// <summary>Final feature values by slot (only the touched slots are set).</summary>
    public float[] Values { get; } = new float[rows.Count];

    /// <summary>Index in <see cref="TokenFeatures(string)"/> of the token's hash.</summary>
    public const int HashAt = 0;

    /// <summary>Index in <see cref="TokenFeatures(string)"/> of the token's unigram slot (−1 when pruned or word n-grams do not start at 1).</summary>
    public const int UnigramAt = 1;

    /// <summary>Index in <see cref="TokenFeatures(string)"/> of the first character n-gram slot.</summary>
    public const int CharsAt = 2;

    /// <summary>The masked tokens of the sentence being scored.</summary>
    public List<string> Masked { get; } = new(64);

    /// <summary>For each token of <see cref="Masked"/>, its index in the document's tokens, or −1 for a mention marker.</summary>
    public List<int> Positions { get; } = new(64);

    /// <summary>The <see cref="TokenFeatures(string)"/> of each token of <see cref="Masked"/>.</summary>
    public List<int[]> Features { get; } = new(64);

    /// <summary>
    /// Starts scoring <paramref name="document"/>: token features are from now on also kept by
    /// position, so a token met again (in another target's pass over its sentence) costs one
    /// array read instead of a lookup by its characters.
    /// </summary>
    public void Begin(TokenizedDocument document)
    {
        var count = document.Tokens.Length;
        if (_byPosition.Length < count)
        {
            _byPosition = new int[]?[Math.Max(count, 2 * _byPosition.Length)];
        }
        else
        {
            Array.Clear(_byPosition, 0, count);
        }

        _document = document;
    }

    /// <summary>Ends scoring the document passed to <see cref="Begin"/> (drops the reference to it).</summary>
    public void End() => _document = null;

    /// <summary>
    /// The <see cref="TokenFeatures(string)"/> of the token at <paramref name="position"/> of the
    /// document passed to <see cref="Begin"/>, or of <paramref name="token"/> when the position is −1 (a marker).
    /// </summary>
    public int[] TokenFeatures(int position, string token)
    {
        if (position < 0)
        {
            return TokenFeatures(token);
        }

        return _byPosition[position] ??= TokenFeatures(_document!.Tokens[position]);
    }

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
