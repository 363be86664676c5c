using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Featurization;

/// <summary>Counts the scoring slots of n-grams (pruned ones skipped) straight into a <see cref="VectorBuilder"/>.</summary>
internal readonly struct ColumnSink(ScoringRows rows, VectorBuilder builder, int mask) : INgramSink
{
    public void Word(uint hash, ReadOnlySpan<string> gram) => Add(hash);

    public void Char(uint hash, ReadOnlySpan<char> gram) => Add(hash);

    public void Near(uint hash, string token) => Add(hash);

    private void Add(uint hash)
    {
        var slot = rows.SlotOf((int)(hash & (uint)mask));
        if (slot >= 0)
        {
            builder.AddDocument(slot, 1);
        }
    }
}
