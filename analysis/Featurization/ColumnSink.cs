namespace StanceBoard.Analysis.Featurization;

/// <summary>Counts the vocabulary columns of n-grams (pruned ones skipped) straight into a <see cref="VectorBuilder"/>.</summary>
internal readonly struct ColumnSink(Vocabulary vocabulary, VectorBuilder builder, int mask) : INgramSink
{
    public void Word(uint hash, ReadOnlySpan<string> gram) => Add(hash);

    public void Char(uint hash, ReadOnlySpan<char> gram) => Add(hash);

    public void Near(uint hash, string token) => Add(hash);

    private void Add(uint hash)
    {
        var col = vocabulary.ColumnOf((int)(hash & (uint)mask));
        if (col >= 0)
        {
            builder.AddDocument(col, 1);
        }
    }
}
