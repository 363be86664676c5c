using System.Text.RegularExpressions;

namespace StanceBoard.Benchmarks.Model;

/// <summary>
/// The textbook baseline's features, built to the recipe of the SemEval-2016 SVM-ngrams baseline
/// as scikit-learn's <c>TfidfVectorizer</c> computes them: lower-cased text; word 1–3-grams of
/// tokens matching <c>\b\w\w+\b</c>; character 2–5-grams of the whitespace-normalised text;
/// sublinear TF (1 + ln tf), smooth IDF (ln((1 + n) / (1 + df)) + 1), each block L2-normalised,
/// the two blocks side by side. Fitted on the training texts only. Benchmark code, not the product.
/// </summary>
internal sealed partial class TfidfNgrams
{
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private float[] _idf = [];
    private int _wordCount;

    public int Dimension => _vocabulary.Count;

    public static TfidfNgrams Fit(IReadOnlyList<string> texts)
    {
        var model = new TfidfNgrams();
        var wordDf = new Dictionary<string, int>(StringComparer.Ordinal);
        var charDf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var gram in WordGrams(text).Distinct())
            {
                wordDf[gram] = wordDf.GetValueOrDefault(gram) + 1;
            }

            foreach (var gram in CharGrams(text).Distinct())
            {
                charDf[gram] = charDf.GetValueOrDefault(gram) + 1;
            }
        }

        var idf = new List<float>();
        foreach (var (gram, df) in wordDf.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            model._vocabulary["w" + gram] = idf.Count;
            idf.Add((float)(Math.Log((1.0 + texts.Count) / (1.0 + df)) + 1));
        }

        model._wordCount = idf.Count;
        foreach (var (gram, df) in charDf.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            model._vocabulary["c" + gram] = idf.Count;
            idf.Add((float)(Math.Log((1.0 + texts.Count) / (1.0 + df)) + 1));
        }

        model._idf = [.. idf];
        return model;
    }

    /// <summary>The sparse vector of <paramref name="text"/>: indices ascending, values.</summary>
    public (int[] Indices, float[] Values) Transform(string text)
    {
        var counts = new Dictionary<int, int>();
        foreach (var gram in WordGrams(text))
        {
            if (_vocabulary.TryGetValue("w" + gram, out var i))
            {
                counts[i] = counts.GetValueOrDefault(i) + 1;
            }
        }

        foreach (var gram in CharGrams(text))
        {
            if (_vocabulary.TryGetValue("c" + gram, out var i))
            {
                counts[i] = counts.GetValueOrDefault(i) + 1;
            }
        }

        var indices = counts.Keys.Order().ToArray();
        var values = indices.Select(i => (float)(1 + Math.Log(counts[i])) * _idf[i]).ToArray();
        Normalise(indices, values, i => i < _wordCount);
        Normalise(indices, values, i => i >= _wordCount);
        return (indices, values);
    }

    private static void Normalise(int[] indices, float[] values, Func<int, bool> inBlock)
    {
        double norm = 0;
        for (var k = 0; k < indices.Length; k++)
        {
            if (inBlock(indices[k]))
            {
                norm += values[k] * values[k];
            }
        }

        norm = Math.Sqrt(norm);
        for (var k = 0; k < indices.Length && norm > 0; k++)
        {
            if (inBlock(indices[k]))
            {
                values[k] = (float)(values[k] / norm);
            }
        }
    }

    private static IEnumerable<string> WordGrams(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
        for (var n = 1; n <= 3; n++)
        {
            for (var i = 0; i + n <= words.Length; i++)
            {
                yield return string.Join(' ', words, i, n);
            }
        }
    }

    private static IEnumerable<string> CharGrams(string text)
    {
        var normalised = Space().Replace(text.ToLowerInvariant(), " ");
        for (var n = 2; n <= 5; n++)
        {
            for (var i = 0; i + n <= normalised.Length; i++)
            {
                yield return normalised.Substring(i, n);
            }
        }
    }

    [GeneratedRegex(@"\b\w\w+\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s\s+")]
    private static partial Regex Space();
}
