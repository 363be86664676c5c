namespace StanceBoard.Analysis.Embeddings;

/// <summary>Turns sentences into fixed-length, L2-normalised vectors. Implementations are thread-safe.</summary>
public interface ISentenceEmbedder
{
    /// <summary>The length of every vector.</summary>
    int Dimension { get; }

    /// <summary>One vector per sentence, in order.</summary>
    float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default);
}
