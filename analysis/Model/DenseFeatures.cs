namespace StanceBoard.Analysis.Model;

/// <summary>
/// The dense block of a row: the text's embedding u, optionally the interactions u⊙v and |u−v|
/// with the target's embedding v, and cos(u, v) (a dot product: both are L2-normalised). A
/// model without embeddings has a single zero here, which its chain does not read.
/// </summary>
internal static class DenseFeatures
{
    public static int Dimension(int embedding, bool interactions) =>
        embedding == 0 ? 1 : (interactions ? 3 * embedding : embedding) + 1;

    public static float[] Build(float[]? text, float[]? target, bool interactions)
    {
        if (text is null || target is null)
        {
            return [0];
        }

        var d = text.Length;
        var dense = new float[Dimension(d, interactions)];
        text.CopyTo(dense, 0);
        float cos = 0;
        for (var i = 0; i < d; i++)
        {
            cos += text[i] * target[i];
            if (interactions)
            {
                dense[d + i] = text[i] * target[i];
                dense[(2 * d) + i] = Math.Abs(text[i] - target[i]);
            }
        }

        dense[^1] = cos;
        return dense;
    }

    /// <summary>The mean of <paramref name="vectors"/> (the stand-in embedding of a long piece's sentences that were not embedded).</summary>
    public static float[] Mean(IReadOnlyList<float[]> vectors)
    {
        var mean = new float[vectors[0].Length];
        foreach (var v in vectors)
        {
            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] += v[i] / vectors.Count;
            }
        }

        return mean;
    }
}
