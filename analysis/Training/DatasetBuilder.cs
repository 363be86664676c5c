using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Training;

/// <summary>Turns hashed examples into TF-IDF rows over a vocabulary.</summary>
internal sealed class DatasetBuilder
{
    private readonly int[] _bucketToColumn;
    private readonly int[] _dfScratch;
    private readonly FeaturizerOptions _options;

    public DatasetBuilder(FeaturizerOptions options)
    {
        _options = options;
        _bucketToColumn = new int[1 << options.HashBits];
        _dfScratch = new int[1 << options.HashBits];
        Array.Fill(_bucketToColumn, -1);
    }

    public Vocabulary Vocabulary(IReadOnlyList<HashedExample> examples, ReadOnlySpan<int> rows) =>
        Featurization.Vocabulary.Build(examples, rows, _options, _dfScratch);

    /// <summary>
    /// The rows at <paramref name="rows"/> vectorised over <paramref name="vocabulary"/>, with the
    /// columns numbered in the vocabulary's <see cref="Featurization.Vocabulary.FrequencyOrder"/>
    /// (<paramref name="order"/>, or computed) so the solver's weight reads stay in cache.
    /// </summary>
    public SparseDataset Build(IReadOnlyList<HashedExample> examples, ReadOnlySpan<int> rows, Vocabulary vocabulary, int targets, int[]? order = null)
    {
        order ??= vocabulary.FrequencyOrder();
        var idf = new float[vocabulary.Count];
        for (var i = 0; i < order.Length; i++)
        {
            _bucketToColumn[vocabulary.Buckets[order[i]]] = i;
            idf[i] = vocabulary.Idf[order[i]];
        }

        var builder = new VectorBuilder(vocabulary.Count);
        var capacity = 0L;
        foreach (var row in rows)
        {
            capacity += examples[row].Document.Keys.Length;
        }

        var rowStart = new int[rows.Length + 1];
        var cols = new int[capacity];
        var vals = new float[capacity];
        var target = new int[rows.Length];
        var labels = new Stance[rows.Length];
        var at = 0;
        for (var r = 0; r < rows.Length; r++)
        {
            var example = examples[rows[r]];
            rowStart[r] = at;
            Count(example, builder);
            at += builder.Build(idf, _options, example.Context is not null, cols.AsSpan(at), vals.AsSpan(at));
            builder.Clear();
            target[r] = example.Target;
            labels[r] = example.Label;
        }

        rowStart[rows.Length] = at;
        foreach (var bucket in vocabulary.Buckets)
        {
            _bucketToColumn[bucket] = -1;
        }

        return new SparseDataset(vocabulary.Count, targets, rowStart, cols[..at], vals[..at], target, labels, order);
    }

    private void Count(HashedExample example, VectorBuilder builder)
    {
        var doc = example.Document;
        for (var k = 0; k < doc.Keys.Length; k++)
        {
            var col = _bucketToColumn[doc.Keys[k]];
            if (col >= 0)
            {
                builder.AddDocument(col, doc.Counts[k]);
            }
        }

        if (example.Context is { } ctx)
        {
            for (var k = 0; k < ctx.Keys.Length; k++)
            {
                var col = _bucketToColumn[ctx.Keys[k]];
                if (col >= 0)
                {
                    builder.AddContext(col, ctx.Counts[k]);
                }
            }
        }

    }
}
