using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Embeddings;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Training;

/// <summary>Training rows as the model's chains read them, prepared exactly as prediction prepares a short text.</summary>
internal sealed record TrainingRows(ModelInput[] Rows, int MaxSentences, int EmbeddingDimension, int DenseDimension)
{
    public static TrainingRows Prepare(
        IReadOnlyList<LabelledExample> examples,
        IReadOnlyList<TargetDefinition> known,
        string[] targetOf,
        StanceModelTrainerOptions options,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var catalog = new TargetCatalog(known);
        var rows = new ModelInput[examples.Count];
        var maxSentences = 1;
        for (var i = 0; i < examples.Count; i++)
        {
            if ((i & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new TrainingProgress($"preparing rows {i:N0}/{examples.Count:N0}", 0.1 * i / examples.Count));
            }

            var document = StanceDocument.Create(examples[i].Text, catalog);
            var tokens = document.Tokens;
            maxSentences = Math.Max(maxSentences, tokens.SentenceCount);
            rows[i] = new ModelInput
            {
                Text = tokens.MaskedText(Enumerable.Range(0, tokens.SentenceCount), targetOf[i], mask: true),
                Label = StanceText.ToText(examples[i].Stance),
            };
        }

        if (options.Features != FeatureSet.NgramsEmbeddings)
        {
            return new TrainingRows(rows, maxSentences, 0, 1);
        }

        var embedder = (options.Embedder ?? (() => MiniLmEmbedder.Shared))();
        var texts = examples.Select(e => e.Text).Concat(targetOf).Distinct(StringComparer.Ordinal).ToArray();
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        const int Chunk = 256;
        for (var start = 0; start < texts.Length; start += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new TrainingProgress($"embedding {start:N0}/{texts.Length:N0} texts", 0.1 + (0.2 * start / texts.Length)));
            var chunk = texts.AsSpan(start, Math.Min(Chunk, texts.Length - start)).ToArray();
            var embedded = embedder.Embed(chunk, cancellationToken);
            for (var k = 0; k < chunk.Length; k++)
            {
                vectors[chunk[k]] = embedded[k];
            }
        }

        var interactions = options.EmbeddingInteractions;
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].Dense = DenseFeatures.Build(vectors[examples[i].Text], vectors[targetOf[i]], interactions);
        }

        return new TrainingRows(rows, maxSentences, embedder.Dimension, DenseFeatures.Dimension(embedder.Dimension, interactions));
    }
}
