using System.Runtime.InteropServices;

namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// Turns the sentences of a tokenized document into hash buckets for one target. Keeps a
/// bounded cache of each token's character n-gram buckets, since most tokens recur. Not
/// thread-safe: one per thread or call.
/// </summary>
internal sealed class DocumentHasher(FeaturizerOptions options, bool cacheTokens = true)
{
    private const int MaxCachedTokens = 200_000;
    private readonly List<string> _masked = new(64);
    private readonly List<int> _sentence = new(256);
    private readonly Dictionary<string, int[]> _charBuckets = new(StringComparer.Ordinal);
    private readonly List<int> _scratch = new(64);
    private BucketCounter? _document;
    private BucketCounter? _context;

    public FeaturizerOptions Options { get; } = options;

    private int Mask => (1 << Options.HashBits) - 1;

    /// <summary>Appends the word-level buckets of sentence <paramref name="s"/> (word n-grams, near words) to <paramref name="into"/>.</summary>
    public void Words(TokenizedDocument document, int s, string target, List<int> into)
    {
        document.MaskedTokens(s, target, Options.MaskTargets, _masked);
        var sink = new BucketSink(into, Mask);
        SentenceNgrams.EmitWords(CollectionsMarshal.AsSpan(_masked), Options, ref sink);
    }

    /// <summary>The masked tokens of the sentence last passed to <see cref="Words"/>.</summary>
    public List<string> LastTokens => _masked;

    /// <summary>The character n-gram buckets of <paramref name="token"/> (cached).</summary>
    public int[] CharBuckets(string token)
    {
        if (_charBuckets.TryGetValue(token, out var buckets))
        {
            return buckets;
        }

        _scratch.Clear();
        var sink = new BucketSink(_scratch, Mask);
        SentenceNgrams.EmitChars(token, Options, ref sink);
        buckets = _scratch.ToArray();
        if (!cacheTokens)
        {
            return buckets;
        }

        if (_charBuckets.Count >= MaxCachedTokens)
        {
            _charBuckets.Clear();
        }

        _charBuckets[token] = buckets;
        return buckets;
    }

    /// <summary>Appends all buckets of sentence <paramref name="s"/> as seen for <paramref name="target"/> to <paramref name="into"/>.</summary>
    public void Sentence(TokenizedDocument document, int s, string target, List<int> into)
    {
        Words(document, s, target, into);
        if (!Options.CharNgramsWithinWords)
        {
            var sink = new BucketSink(into, Mask);
            SentenceNgrams.EmitCharsAcrossWords(CollectionsMarshal.AsSpan(_masked), Options, ref sink);
            return;
        }

        foreach (var token in _masked)
        {
            into.AddRange(CharBuckets(token));
        }
    }

    /// <summary>Readable names of the n-grams of sentence <paramref name="s"/>, by bucket.</summary>
    public void Name(TokenizedDocument document, int s, string target, Dictionary<int, SortedSet<string>> names)
    {
        document.MaskedTokens(s, target, Options.MaskTargets, _masked);
        var sink = new NamingSink(names, Mask);
        SentenceNgrams.EmitWords(CollectionsMarshal.AsSpan(_masked), Options, ref sink);
        if (!Options.CharNgramsWithinWords)
        {
            SentenceNgrams.EmitCharsAcrossWords(CollectionsMarshal.AsSpan(_masked), Options, ref sink);
            return;
        }

        foreach (var token in _masked)
        {
            SentenceNgrams.EmitChars(token, Options, ref sink);
        }
    }

    /// <summary>Bucket counts of the whole document and of the target's context.</summary>
    public (SparseCounts Document, SparseCounts? Context) Hash(TokenizedDocument document, string target)
    {
        _document ??= new BucketCounter();
        _context ??= new BucketCounter();
        var context = document.ContextOf(target, Options.ContextNeighbours);
        var sentence = _sentence;
        for (var s = 0; s < document.SentenceCount; s++)
        {
            sentence.Clear();
            Sentence(document, s, target, sentence);
            var inContext = context is not null && context[s];
            foreach (var bucket in sentence)
            {
                _document.Add(bucket);
                if (inContext)
                {
                    _context.Add(bucket);
                }
            }
        }

        return (_document.Take(), context is null ? null : _context.Take());
    }
}
