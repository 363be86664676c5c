using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Analysis.Model;

/// <summary>
/// Per-call working memory of a prediction, pooled so predicting allocates little. Keeps a
/// bounded cache of each token's character n-gram slots (see <see cref="ScoringRows"/>): they
/// depend only on the token and the model, and most tokens of a piece are common words.
/// </summary>
internal sealed class PredictionScratch(FeaturizerOptions options, ScoringRows rows)
{
    private const int MaxCachedTokens = 100_000;
    private readonly Dictionary<string, int[]> _charSlots = new(StringComparer.Ordinal);

    public DocumentHasher Hasher { get; } = new(options, cacheTokens: false);

    public VectorBuilder Builder { get; } = new(rows.Count);

    public List<int> Buckets { get; } = new(1024);

    /// <summary>Final feature values by slot (only the touched slots are set).</summary>
    public float[] Values { get; } = new float[rows.Count];

    /// <summary>The scoring slots of <paramref name="token"/>'s character n-grams.</summary>
    public int[] CharSlots(string token)
    {
        if (_charSlots.TryGetValue(token, out var columns))
        {
            return columns;
        }

        var buckets = Hasher.CharBuckets(token);
        var count = 0;
        Span<int> found = buckets.Length <= 256 ? stackalloc int[buckets.Length] : new int[buckets.Length];
        foreach (var bucket in buckets)
        {
            var col = rows.SlotOf(bucket);
            if (col >= 0)
            {
                found[count++] = col;
            }
        }

        columns = found[..count].ToArray();
        if (_charSlots.Count >= MaxCachedTokens)
        {
            _charSlots.Clear();
        }

        _charSlots[token] = columns;
        return columns;
    }
}
