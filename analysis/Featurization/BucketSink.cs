namespace StanceBoard.Analysis.Featurization;

/// <summary>Collects the hash buckets of n-grams (with repeats) into a list.</summary>
internal readonly struct BucketSink(List<int> buckets, int mask) : INgramSink
{
    public void Word(uint hash, ReadOnlySpan<string> gram) => buckets.Add((int)(hash & (uint)mask));

    public void Char(uint hash, ReadOnlySpan<char> gram) => buckets.Add((int)(hash & (uint)mask));

    public void Near(uint hash, string token) => buckets.Add((int)(hash & (uint)mask));
}
