namespace StanceBoard.Analysis.Featurization;

/// <summary>Collects readable names of n-grams by bucket, for describing a feature vector.</summary>
internal readonly struct NamingSink(Dictionary<int, SortedSet<string>> names, int mask) : INgramSink
{
    public void Word(uint hash, ReadOnlySpan<string> gram) =>
        Add(hash, "w:" + TokenMarkers.Display(string.Join(' ', gram.ToArray())));

    public void Char(uint hash, ReadOnlySpan<char> gram) =>
        Add(hash, "c:" + TokenMarkers.Display(gram.ToString().Replace(' ', '_')));

    public void Near(uint hash, string token) => Add(hash, "n:" + TokenMarkers.Display(token));

    private void Add(uint hash, string name)
    {
        var bucket = (int)(hash & (uint)mask);
        if (!names.TryGetValue(bucket, out var set))
        {
            names[bucket] = set = new SortedSet<string>(StringComparer.Ordinal);
        }

        set.Add(name);
    }
}
