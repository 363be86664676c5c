namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// Enumerates the n-grams of one sentence's (masked) tokens: word n-grams within the sentence,
/// character n-grams over the tokens joined by single spaces (with a space at each end, so
/// word starts and ends are visible), and "near the target" words around target markers.
/// </summary>
internal static class SentenceNgrams
{
    public static void Emit<TSink>(ReadOnlySpan<string> tokens, FeaturizerOptions options, ref TSink sink, ref char[] buffer)
        where TSink : struct, INgramSink
    {
        if (tokens.IsEmpty)
        {
            return;
        }

        Span<uint> tokenHashes = tokens.Length <= 256 ? stackalloc uint[tokens.Length] : new uint[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokenHashes[i] = NgramHashing.Token(tokens[i]);
        }

        EmitWords(tokens, tokenHashes, options, ref sink);
        EmitChars(tokens, options, ref sink, ref buffer);
        EmitNear(tokens, tokenHashes, options, ref sink);
    }

    private static void EmitWords<TSink>(ReadOnlySpan<string> tokens, ReadOnlySpan<uint> hashes, FeaturizerOptions options, ref TSink sink)
        where TSink : struct, INgramSink
    {
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
    }

    private static void EmitChars<TSink>(ReadOnlySpan<string> tokens, FeaturizerOptions options, ref TSink sink, ref char[] buffer)
        where TSink : struct, INgramSink
    {
        if (options.MaxCharNgram == 0)
        {
            return;
        }

        var length = 1;
        foreach (var token in tokens)
        {
            length += token.Length + 1;
        }

        if (buffer.Length < length)
        {
            buffer = new char[Math.Max(length, buffer.Length * 2)];
        }

        var chars = buffer.AsSpan(0, length);
        var at = 0;
        chars[at++] = ' ';
        foreach (var token in tokens)
        {
            token.AsSpan().CopyTo(chars[at..]);
            at += token.Length;
            chars[at++] = ' ';
        }

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

    private static void EmitNear<TSink>(ReadOnlySpan<string> tokens, ReadOnlySpan<uint> hashes, FeaturizerOptions options, ref TSink sink)
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
