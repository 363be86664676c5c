using Shouldly;
using StanceBoard.Analysis.Embeddings;
using Xunit;

namespace StanceBoard.Analysis.Tests.Embeddings;

/// <summary>The real MiniLM model (shipped inside its package, so this runs offline).</summary>
public sealed class MiniLmEmbedderTests
{
    [Fact]
    public void Embed_ManyBatchesSideBySide_SameVectorsAsEachTextAlone()
    {
        var texts = Enumerable.Range(0, 40).Select(i => $"Statement {i}: Ankara sent {i} drones and Moscow said nothing about it.").ToArray();
        using var together = new MiniLmEmbedder();
        using var alone = new MiniLmEmbedder();

        var batch = together.Embed(texts);
        var single = texts.Select(t => alone.Embed([t])[0]).ToArray();

        batch.Length.ShouldBe(texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            batch[i].Length.ShouldBe(384);
            Cosine(batch[i], single[i]).ShouldBeGreaterThan(0.9999f, $"text {i}");
        }

        // Different texts get different vectors (no batch written into another's slot).
        Cosine(batch[0], batch[39]).ShouldBeLessThan(0.9999f);
    }

    private static float Cosine(float[] a, float[] b)
    {
        float dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return dot / MathF.Sqrt(na * nb);
    }
}
