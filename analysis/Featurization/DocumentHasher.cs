namespace StanceBoard.Analysis.Featurization;

/// <summary>Turns the sentences of a tokenized document into hash buckets for one target.</summary>
internal sealed class DocumentHasher(FeaturizerOptions options)
{
    private readonly List<string> _masked = new(64);
    private char[] _chars = new char[256];

    public FeaturizerOptions Options { get; } = options;

    /// <summary>Appends the buckets of sentence <paramref name="s"/> as seen for <paramref name="target"/> to <paramref name="into"/>.</summary>
    public void Sentence(TokenizedDocument document, int s, string target, List<int> into)
    {
        document.MaskedTokens(s, target, Options.MaskTargets, _masked);
        var sink = new BucketSink(into, (1 << Options.HashBits) - 1);
        SentenceNgrams.Emit(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_masked), Options, ref sink, ref _chars);
    }

    /// <summary>Readable names of the n-grams of sentence <paramref name="s"/>, by bucket.</summary>
    public void Name(TokenizedDocument document, int s, string target, Dictionary<int, SortedSet<string>> names)
    {
        document.MaskedTokens(s, target, Options.MaskTargets, _masked);
        var sink = new NamingSink(names, (1 << Options.HashBits) - 1);
        SentenceNgrams.Emit(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_masked), Options, ref sink, ref _chars);
    }

    /// <summary>Bucket counts of the whole document and of the target's context.</summary>
    public (SparseCounts Document, SparseCounts? Context) Hash(TokenizedDocument document, string target)
    {
        var context = document.ContextOf(target, Options.ContextNeighbours);
        var all = new List<int>(256);
        var inContext = context is null ? null : new List<int>(256);
        var sentence = new List<int>(256);
        for (var s = 0; s < document.SentenceCount; s++)
        {
            sentence.Clear();
            Sentence(document, s, target, sentence);
            all.AddRange(sentence);
            if (context is not null && context[s])
            {
                inContext!.AddRange(sentence);
            }
        }

        return (SparseCounts.Of(all), inContext is null ? null : SparseCounts.Of(inContext));
    }
}
