using StanceBoard.Analysis.Embeddings;

namespace StanceBoard.Analysis.Tests;

/// <summary>
/// A deterministic stand-in for MiniLM in tests of the embedding path: a text's vector is the
/// normalised count of its words hashed into 16 slots, so texts sharing words are close. Counts
/// what it was asked to embed.
/// </summary>
internal sealed class FakeEmbedder : ISentenceEmbedder
{
    private readonly Lock _gate = new();

    public int Dimension => 16;

    public List<string> Embedded { get; } = [];

    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Embedded.AddRange(sentences);
        }

        return sentences.Select(s =>
        {
            var v = new float[Dimension];
            foreach (var word in s.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                v[(int)((uint)StringComparer.Ordinal.GetHashCode(word) % Dimension)] += 1;
            }

            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return v.Select(x => norm > 0 ? x / norm : 0).ToArray();
        }).ToArray();
    }
}
