namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// Enumerates the n-grams of one sentence's (masked) tokens: word n-grams within the sentence,
/// "near the target" words around target markers, and — per token, so they can be cached by
/// token — character n-grams of each word padded with a space at each end (scikit-learn's
/// <c>char_wb</c>), which capture morphology and spelling variants; what crosses word
/// boundaries is left to the word n-grams.
/// </summary>
internal static class SentenceNgrams
{
    /// <summary>Word n-grams and near-target words of a sentence.</summary>
    public static void EmitWords<TSink>(ReadOnlySpan<string> tokens, FeaturizerOptions options, ref TSink sink)
        where TSink : struct, INgramSink
    {
        if (tokens.IsEmpty)
        {
            return;
        }

        Span<uint> hashes = tokens.Length <= 256 ? stackalloc uint[tokens.Length] : new uint[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            hashes[i] = NgramHashing.Token(tokens[i]);
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            var h = NgramHashing.WordSeed;
            var last = Math.Min(tokens.Length, i + options.MaxWordNgram);
            for (var j = i; j < last; j++)
            {
                h = NgramHashing.Combine(h, hashes[j]);
                var n = j - i + 1;
                if (n >= options.MinWordNgram)
                {
                    sink.Word(NgramHashing.Combine(h, (uint)n), tokens.Slice(i, n));
                }
            }
        }

        EmitNear(tokens, hashes, options, ref sink);
    }

    /// <summary>Character n-grams of one token, padded with a space at each end.</summary>
    public static void EmitChars<TSink>(string token, FeaturizerOptions options, ref TSink sink)
        where TSink : struct, INgramSink
    {
        if (options.MaxCharNgram == 0)
        {
            return;
        }

        var length = token.Length + 2;
        Span<char> chars = length <= 128 ? stackalloc char[length] : new char[length];
        chars[0] = ' ';
        token.AsSpan().CopyTo(chars[1..]);
        chars[^1] = ' ';
        var min = options.MinCharNgram;
        var max = options.MaxCharNgram;
        for (var i = 0; i < chars.Length; i++)
        {
            var h = NgramHashing.CharSeed;
            var last = Math.Min(chars.Length, i + max);
            for (var j = i; j < last; j++)
            {
                h = (h ^ chars[j]) * 16777619u;
                var n = j - i + 1;
                if (n >= min)
                {
                    sink.Char(NgramHashing.Mix(h ^ (uint)n), chars.Slice(i, n));
                }
            }
        }
    }

    /// <summary>Character n-grams over the tokens joined by single spaces, with a space at each end.</summary>
    public static void EmitCharsAcrossWords<TSink>(ReadOnlySpan<string> tokens, FeaturizerOptions options, ref TSink sink)
        where TSink : struct, INgramSink
    {
        if (options.MaxCharNgram == 0 || tokens.IsEmpty)
        {
            return;
        }

        var length = 1;
        foreach (var token in tokens)
        {
            length += token.Length + 1;
        }

        var chars = new char[length];
        var at = 0;
        chars[at++] = ' ';
        foreach (var token in tokens)
        {
            token.AsSpan().CopyTo(chars.AsSpan(at));
            at += token.Length;
            chars[at++] = ' ';
        }

        for (var i = 0; i < chars.Length; i++)
        {
            var h = NgramHashing.CharSeed;
            var last = Math.Min(chars.Length, i + options.MaxCharNgram);
            for (var j = i; j < last; j++)
            {
                h = (h ^ chars[j]) * 16777619u;
                var n = j - i + 1;
                if (n >= options.MinCharNgram)
                {
                    sink.Char(NgramHashing.Mix(h ^ (uint)n), chars.AsSpan(i, n));
                }
            }
        }
    }

    /// <summary>"Near the target" words: the tokens within the window around each target marker, each once.</summary>
    public static void EmitNear<TSink>(ReadOnlySpan<string> tokens, ReadOnlySpan<uint> hashes, FeaturizerOptions options, ref TSink sink)
        where TSink : struct, INgramSink
    {
        var window = options.NearWindow;
        if (window == 0)
        {
            return;
        }

        var lastEmitted = -1;
        for (var t = 0; t < tokens.Length; t++)
        {
            if (!ReferenceEquals(tokens[t], TokenMarkers.Target))
            {
                continue;
            }

            var from = Math.Max(Math.Max(0, t - window), lastEmitted + 1);
            var to = Math.Min(tokens.Length - 1, t + window);
            for (var k = from; k <= to; k++)
            {
                if (k != t && !ReferenceEquals(tokens[k], TokenMarkers.Target))
                {
                    sink.Near(NgramHashing.Combine(NgramHashing.NearSeed, hashes[k]), tokens[k]);
                }
            }

            lastEmitted = to;
        }
    }
}
