using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Analysis.Model;

/// <summary>
/// Per-call working memory of a prediction, pooled so predicting allocates little. Keeps a
/// bounded cache of each token's character n-gram columns: they depend only on the token and
/// the model, and most tokens of a piece are common words.
/// </summary>
internal sealed class PredictionScratch(FeaturizerOptions options, Vocabulary vocabulary)
{
    private const int MaxCachedTokens = 100_000;
    private readonly Dictionary<string, int[]> _charColumns = new(StringComparer.Ordinal);

    public DocumentHasher Hasher { get; } = new(options, cacheTokens: false);

    public VectorBuilder Builder { get; } = new(vocabulary.Count);

    public List<int> Buckets { get; } = new(1024);

    /// <summary>Final feature values by column (only the touched columns are set).</summary>
    public float[] Values { get; } = new float[vocabulary.Count];

    /// <summary>The vocabulary columns of <paramref name="token"/>'s character n-grams.</summary>
    public int[] CharColumns(string token)
    {
        if (_charColumns.TryGetValue(token, out var columns))
        {
            return columns;
        }

        var buckets = Hasher.CharBuckets(token);
        var count = 0;
        Span<int> found = buckets.Length <= 256 ? stackalloc int[buckets.Length] : new int[buckets.Length];
        foreach (var bucket in buckets)
        {
            var col = vocabulary.ColumnOf(bucket);
            if (col >= 0)
            {
                found[count++] = col;
            }
        }

        columns = found[..count].ToArray();
        if (_charColumns.Count >= MaxCachedTokens)
        {
            _charColumns.Clear();
        }

        _charColumns[token] = columns;
        return columns;
    }
}
